import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import { amountAnomalyDetector } from "./amount-anomaly";

const history = (count: number, mean: number | null, stddev: number | null) => ({
  merchant_amount_count_recent: count,
  merchant_amount_mean_recent: mean,
  merchant_amount_stddev_recent: stddev,
});

describe("amountAnomalyDetector", () => {
  it.each([
    {
      name: "no history",
      amount: 100_000,
      features: history(0, null, null),
      reason: "amount_history_too_short",
      score: 0,
    },
    {
      name: "under 30 payments",
      amount: 100_000,
      features: history(29, 5_000, 2_000),
      reason: "amount_history_too_short",
      score: 0,
    },
    {
      name: "usual amount",
      amount: 9_000,
      features: history(100, 5_000, 2_000),
      reason: "amount_usual",
      score: 0,
    },
    {
      name: "tiny amounts are not this detector's",
      amount: 1,
      features: history(100, 5_000, 2_000),
      reason: "amount_usual",
      score: 0,
    },
    {
      name: "z = 3",
      amount: 11_000,
      features: history(100, 5_000, 2_000),
      reason: "amount_unusually_high",
      score: 10,
    },
    {
      name: "z = 5.5",
      amount: 16_000,
      features: history(100, 5_000, 2_000),
      reason: "amount_unusually_high",
      score: 30,
    },
    {
      name: "z = 20 is capped",
      amount: 45_000,
      features: history(100, 5_000, 2_000),
      reason: "amount_unusually_high",
      score: 50,
    },
    {
      name: "one-price shop: two items stay below REVIEW",
      amount: 1_998,
      features: history(100, 999, 0),
      reason: "amount_unusually_high",
      score: 18,
    },
    {
      name: "one-price shop: 3x the price",
      amount: 3_000,
      features: history(100, 999, 0),
      reason: "amount_unusually_high",
      score: 50,
    },
  ])("$name", ({ amount, features, reason, score }) => {
    const finding = amountAnomalyDetector.detect(
      makeTransaction({ amount }),
      featuresWith(features),
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(finding).toMatchObject({ reasonCode: reason, score });
  });
});
