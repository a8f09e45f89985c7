import { describe, expect, it } from "vitest";
import { baseConfidence, calibrateConfidence, confidenceScale } from "./suggestion-confidence";
import type { SuggestionFacts } from "./suggestion-facts";

const facts = (signal: SuggestionFacts["signal"], counts: SuggestionFacts["facts"]): SuggestionFacts => ({
  kind: signal === "trusted_history" ? "whitelist" : "blacklist",
  signal,
  subject: "customer",
  language: "en",
  facts: counts,
});

describe("suggestion confidence", () => {
  it.each([
    ["trusted_history", { trust_score: 81, history_days: 30 }, 0.61],
    ["trusted_history", { trust_score: 100, history_days: 400 }, 0.95],
    ["card_testing", { blocked_attempts: 3, distinct_cards: 3 }, 0.7],
    ["card_testing", { blocked_attempts: 40, distinct_cards: 40 }, 0.95],
    ["repeated_disputes", { disputes: 2 }, 0.75],
    ["fraud_label", { fraud_labels: 1 }, 0.6],
    ["fraud_label", { fraud_labels: 3 }, 0.8],
  ] as const)("%s with %o starts at %s", (signal, counts, expected) => {
    expect(baseConfidence(facts(signal, counts))).toBe(expected);
  });

  it.each([
    [{ taken: 0, rejected: 0 }, 1],
    [{ taken: 0, rejected: 1 }, 0.83],
    [{ taken: 0, rejected: 5 }, 0.5],
    [{ taken: 10, rejected: 0 }, 1.25],
    [{ taken: 7, rejected: 3 }, 1],
  ])("answers %o scale confidences by %s", (answers, scale) => {
    expect(confidenceScale(answers).scale).toBeCloseTo(scale, 2);
  });

  it("keeps a calibrated confidence within [0.05, 0.99]", () => {
    expect(calibrateConfidence(0.9, 1.25)).toBe(0.99);
    expect(calibrateConfidence(0.06, 0.5)).toBe(0.05);
    expect(calibrateConfidence(0.8, 0.5)).toBe(0.4);
  });
});
