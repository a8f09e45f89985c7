import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { FeatureVector } from "./features/catalogue";
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from "./settings";
import { featuresWith } from "./test-helpers/features";
import { declined, makeTransaction } from "./test-helpers/make-transaction";
import type { Transaction } from "./transaction";

type Case = {
  setting: keyof EngineSettings;
  change: Partial<EngineSettings>;
  transaction: Partial<Transaction>;
  features: FeatureVector;
  before: string;
  after: string;
};

const elevated = { radarRiskLevel: "elevated" };
const fourthCvcGuess = {
  transaction: declined("incorrect_cvc", { cvcCheck: "fail" }),
  features: { total_charges_per_card_number_10m: 3, declined_charges_per_card_number_10m: 3 },
};

// Every setting must change a decision; a setting stored but never read is a bug (ARCHITECTURE §9).
const cases: Case[] = [
  {
    setting: "blockThreshold",
    change: { blockThreshold: 60 },
    ...fourthCvcGuess,
    before: "REVIEW",
    after: "BLOCK",
  },
  {
    setting: "blockThreshold",
    change: { blockThreshold: 95 },
    transaction: { radarRiskLevel: "highest" },
    features: {},
    before: "BLOCK",
    after: "REVIEW",
  },
  {
    setting: "reviewThreshold",
    change: { reviewThreshold: 40 },
    transaction: elevated,
    features: {},
    before: "REVIEW",
    after: "ALLOW",
  },
  {
    setting: "reviewThreshold",
    change: { reviewThreshold: 10 },
    transaction: { cardFunding: "prepaid" },
    features: {},
    before: "ALLOW",
    after: "REVIEW",
  },
];

describe("each setting changes a decision", () => {
  it("covers every setting", () => {
    expect(new Set(cases.map((c) => c.setting))).toEqual(new Set(Object.keys(DEFAULT_ENGINE_SETTINGS)));
  });

  it.each(cases)("$setting $change: $before → $after", ({ change, transaction, features, before, after }) => {
    const payment = makeTransaction(transaction);
    const vector = featuresWith(features);
    expect(evaluate(payment, vector, DEFAULT_ENGINE_SETTINGS).decision).toBe(before);
    expect(evaluate(payment, vector, { ...DEFAULT_ENGINE_SETTINGS, ...change }).decision).toBe(after);
  });
});
