import { describe, expect, it } from "vitest";
import type { FeatureVector } from "../features/catalogue";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import { merchantCardTestingDetector } from "./merchant-card-testing";

const spike = { merchant_charges_10m: 20, merchant_declined_charges_10m: 12, merchant_decline_rate_10m: 0.6 };
const burst = { merchant_same_amount_charges_10m: 8 };

describe("merchantCardTestingDetector", () => {
  it.each<{ name: string; amount: number; features: FeatureVector; score: number }>([
    {
      name: "normal traffic",
      amount: 5_000,
      features: {
        merchant_charges_10m: 20,
        merchant_declined_charges_10m: 2,
        merchant_decline_rate_10m: 0.1,
      },
      score: 0,
    },
    { name: "a spike alone does not implicate this shopper", amount: 5_000, features: spike, score: 15 },
    { name: "a spike and a tiny amount", amount: 100, features: spike, score: 50 },
    { name: "a spike and the burst's amount", amount: 5_000, features: { ...spike, ...burst }, score: 70 },
    { name: "a spike, the burst's amount, tiny", amount: 100, features: { ...spike, ...burst }, score: 85 },
    {
      name: "a one-price shop's ordinary burst",
      amount: 5_000,
      features: { merchant_charges_10m: 20, ...burst },
      score: 10,
    },
    {
      name: "an hourly spike",
      amount: 5_000,
      features: {
        merchant_charges_hourly: 50,
        merchant_declined_charges_hourly: 30,
        merchant_decline_rate_hourly: 0.6,
      },
      score: 15,
    },
    {
      name: "unknown rate does not hit",
      amount: 100,
      features: { ...spike, merchant_decline_rate_10m: null },
      score: 0,
    },
  ])("$name → $score", ({ amount, features, score }) => {
    const finding = merchantCardTestingDetector.detect(
      makeTransaction({ amount }),
      featuresWith(features),
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(finding.score).toBe(score);
    expect(finding.status).toBe(score > 0 ? "hit" : "no_hit");
  });
});
