import { EngineSettings } from "@orylo/engine";
import { describe, expect, it } from "vitest";
import { ActionSettings } from "../organizations/organization-settings";
import { planEarlyFraudWarning } from "./plan-early-fraud-warning";

const on = ActionSettings.parse({
  refundEarlyFraudWarnings: true,
  disputeFee: 2000,
  disputeFeeCurrency: "eur",
});
const engine = EngineSettings.parse({});
const payment = { amount: 5000, currency: "eur", riskScore: 30, radarRiskLevel: "normal" };

describe("the early-fraud-warning refund policy", () => {
  it.each([
    ["switched off", { ...payment, amount: 100 }, ActionSettings.parse({}), { refund: false }],
    [
      "cheaper than the dispute fee",
      { ...payment, amount: 1999 },
      on,
      { refund: true, reason: "below_dispute_fee" },
    ],
    ["exactly the dispute fee, low risk", { ...payment, amount: 2000 }, on, { refund: false }],
    [
      "below the fee in another currency (USD)",
      { ...payment, amount: 1500, currency: "usd" },
      on,
      { refund: true, reason: "below_dispute_fee" },
    ],
    ["expensive and low risk", payment, on, { refund: false }],
    [
      "expensive, scored at the block threshold",
      { ...payment, riskScore: 80 },
      on,
      { refund: true, reason: "high_risk" },
    ],
    [
      "expensive, Radar highest, never scored",
      { ...payment, riskScore: null, radarRiskLevel: "highest" },
      on,
      { refund: true, reason: "high_risk" },
    ],
    [
      "a currency without a rate, low risk",
      { ...payment, amount: 10, currency: "xxx" },
      on,
      { refund: false },
    ],
  ])("%s", (_name, warned, actions, expected) => {
    expect(planEarlyFraudWarning(warned, actions, engine)).toEqual(expected);
  });

  it("follows the organization's block threshold", () => {
    const strict = EngineSettings.parse({ blockThreshold: 60 });
    expect(planEarlyFraudWarning({ ...payment, riskScore: 65 }, on, strict)).toEqual({
      refund: true,
      reason: "high_risk",
    });
    expect(planEarlyFraudWarning({ ...payment, riskScore: 65 }, on, engine)).toEqual({ refund: false });
  });
});
