import { describe, expect, it } from "vitest";
import { type BacktestLabel, backtestRules, featuresReadBy } from "./backtest";
import { type Detector, noHit } from "./detectors/detector";
import { DETECTORS } from "./detectors/registry";
import { FEATURE_NAMES } from "./features/catalogue";
import { readFeature } from "./features/projection";
import { compileRule } from "./rules/compile-rule";
import type { Rule } from "./rules/rule";
import { DEFAULT_ENGINE_SETTINGS } from "./settings";
import { createRandom, pick } from "./test-helpers/random";
import { randomFacts, randomTraffic } from "./test-helpers/random-history";

function rule(id: string, text: string): Rule {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
  const { action, condition } = compiled.ast;
  return { id, version: 1, action, ast: condition, priority: 0, shadow: false, enabled: true };
}

const candidate = [
  rule("cards", "Block if :card_count_for_ip_address_daily: > 3 and :amount_in_usd: > 10"),
  rule(
    "prior",
    "Review if :dispute_count_on_card_number_all_time: > 0 or :seconds_since_email_first_seen: < 600",
  ),
  rule("emails", "Block if :email_count_for_card_weekly: >= 3"),
  rule(
    "burst",
    "Review if :merchant_same_amount_charges_hourly: >= 1 and not :total_amount_failed_on_card_all_time: < 100",
  ),
  rule("blocked", "Block if :blocked_charges_per_billing_address_weekly: > 1"),
];
const baseline = [
  rule("spender", "Review if :average_amount_successful_on_customer_all_time: > 3000"),
  rule("declines", "Block if :declined_charges_per_shipping_address_daily: > 2"),
];

/** Reads the whole catalogue and never scores: with it, a replay computes every feature, and decides the same. */
const readsEverything: Detector = {
  name: "reads_everything",
  reads: FEATURE_NAMES,
  detect: (_transaction, features) => {
    for (const name of FEATURE_NAMES) readFeature(features, name);
    return noHit("read_everything", {}, "Read every feature.");
  },
};

describe("a backtest computes only the features its rules and detectors read", () => {
  it("projects the catalogue onto the detectors' declarations and the rules' attributes", () => {
    const names = featuresReadBy(DETECTORS, [candidate, baseline]);
    expect(names.has("card_count_for_ip_address_daily")).toBe(true);
    expect(names.has("declined_charges_per_shipping_address_daily")).toBe(true);
    expect(names.has("total_charges_per_card_number_10m")).toBe(true);
    expect(names.has("authorized_charges_per_device_weekly")).toBe(false);
    expect(names.size).toBeLessThan(FEATURE_NAMES.length / 3);
  });

  it.each([21, 22, 23])(
    "seed %i: the projected replay reports exactly what the whole-catalogue replay reports",
    (seed) => {
      const history = randomTraffic(seed, 3_000, 30);
      const random = createRandom(seed * 17 + 5);
      const labels = new Map<string, BacktestLabel>(
        history
          .filter(() => random() < 0.1)
          .map((payment) => [payment.chargeId, pick(random, ["fraud", "fraud", "legitimate"] as const)]),
      );
      const input = {
        history,
        candidate,
        baseline,
        settings: DEFAULT_ENGINE_SETTINGS,
        historyFacts: randomFacts(seed, history),
        labels,
        asOf: new Date(history.at(-1)!.createdAt.getTime() + 100 * 86_400_000),
        from: new Date(history[0]!.createdAt.getTime() + 7 * 86_400_000),
        examples: 20,
      };
      const projected = backtestRules(input);
      const whole = backtestRules({ ...input, detectors: [...DETECTORS, readsEverything] });
      expect(projected).toEqual(whole);
      for (const report of projected.rules) expect(report.hits, report.ruleId).toBeGreaterThan(0);
      expect(projected.baseline?.changedDecisions).toBeGreaterThan(0);
      expect(
        projected.candidate.decisions.REVIEW.count + projected.candidate.decisions.BLOCK.count,
      ).toBeGreaterThan(0);
    },
    60_000,
  );
});
