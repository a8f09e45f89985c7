import { describe, expect, it } from "vitest";
import { type BacktestLabel, backtestRules, judgePayment } from "./backtest";
import { compileRule } from "./rules/compile-rule";
import type { Rule } from "./rules/rule";
import { DEFAULT_ENGINE_SETTINGS } from "./settings";
import { makeTransaction } from "./test-helpers/make-transaction";
import type { Transaction } from "./transaction";

function rule(id: string, text: string, overrides: Partial<Rule> = {}): Rule {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
  const { action, condition } = compiled.ast;
  return { id, version: 1, action, ast: condition, priority: 0, shadow: false, enabled: true, ...overrides };
}

const asOf = new Date("2025-12-01T00:00:00Z");
const daysAgo = (days: number, minutes = 0) =>
  new Date(asOf.getTime() - days * 86_400_000 + minutes * 60_000);
const from = daysAgo(200);

/** The same email pays three times in a day: the first payment is before `from` and only warms the features. */
function history(): Transaction[] {
  return [
    makeTransaction({ chargeId: "ch_warm", createdAt: daysAgo(200, -30), email: "mule@example.com" }),
    makeTransaction({
      chargeId: "ch_old_fraud",
      createdAt: daysAgo(200, 0),
      email: "mule@example.com",
      amount: 40_000,
    }),
    makeTransaction({ chargeId: "ch_old_legit", createdAt: daysAgo(150), amount: 2_000 }),
    makeTransaction({ chargeId: "ch_old_big", createdAt: daysAgo(140), amount: 60_000, currency: "usd" }),
    makeTransaction({ chargeId: "ch_young", createdAt: daysAgo(10), amount: 70_000 }),
    makeTransaction({ chargeId: "ch_young_fraud", createdAt: daysAgo(5), amount: 500 }),
    makeTransaction({ chargeId: "ch_marked_ok", createdAt: daysAgo(3), amount: 90_000 }),
  ];
}
const labels = new Map<string, BacktestLabel>([
  ["ch_old_fraud", "fraud"],
  ["ch_young_fraud", "fraud"],
  ["ch_marked_ok", "legitimate"],
]);
const velocity = rule("velocity", "Block if :total_charges_per_email_daily: >= 1");
const big = rule("big", "Review if :amount_in_eur: > 500");
const run = (candidate: Rule[], overrides: Partial<Parameters<typeof backtestRules>[0]> = {}) =>
  backtestRules({
    history: history(),
    candidate,
    settings: DEFAULT_ENGINE_SETTINGS,
    labels,
    asOf,
    from,
    detectors: [],
    ...overrides,
  });

describe("judgePayment", () => {
  it.each<{ name: string; chargeId: string; age: number; verdict: string }>([
    { name: "fraud label, however young", chargeId: "ch_young_fraud", age: 1, verdict: "fraud" },
    { name: "merchant said legitimate", chargeId: "ch_marked_ok", age: 1, verdict: "legitimate" },
    { name: "unlabelled, 120 days old", chargeId: "ch_x", age: 120, verdict: "legitimate" },
    { name: "unlabelled, 119 days old", chargeId: "ch_x", age: 119, verdict: "too_young" },
  ])("$name → $verdict", ({ chargeId, age, verdict }) => {
    expect(judgePayment({ chargeId, createdAt: daysAgo(age) }, labels, asOf)).toBe(verdict);
  });
});

describe("backtestRules", () => {
  it("streams payments before `from` for features but does not count them", () => {
    const report = run([velocity]);
    expect(report.warmupPayments).toBe(1);
    expect(report.payments).toBe(6);
    // ch_old_fraud is the email's second payment of the day: the warm-up payment made the rule fire.
    expect(report.rules[0]).toMatchObject({ ruleId: "velocity", hits: 1, fraud: 1, legitimate: 0 });
    expect(report.candidate.decisions.BLOCK).toEqual({ count: 1, amounts: { eur: 40_000 } });
  });

  it("weighs each rule's hits against the labels: fraud stopped and legitimate revenue hit, by currency", () => {
    const report = run([velocity, rule("huge", "Block if :amount_in_eur: >= 800")]);
    expect(
      report.rules.map(({ ruleId, fraudAmounts, legitimateAmounts }) => [
        ruleId,
        fraudAmounts,
        legitimateAmounts,
      ]),
    ).toEqual([
      ["velocity", { eur: 40_000 }, {}],
      ["huge", {}, { eur: 90_000 }],
    ]);
  });

  it.each<{
    name: string;
    candidate: () => Rule[];
    decisions: Record<string, number>;
    accuracy: Record<string, unknown>;
  }>([
    {
      name: "no rule, no detector: everything allowed, recall 0, precision undefined",
      candidate: () => [],
      decisions: { ALLOW: 6, REVIEW: 0, BLOCK: 0 },
      accuracy: {
        fraud: 2,
        legitimate: 3,
        fraudBlocked: 0,
        precision: null,
        recall: 0,
        excludedTooYoung: 1,
      },
    },
    {
      name: "a velocity block catches the old fraud only",
      candidate: () => [velocity],
      decisions: { ALLOW: 5, REVIEW: 0, BLOCK: 1 },
      accuracy: { fraudBlocked: 1, fraudReviewed: 0, legitimateBlocked: 0, precision: 1, recall: 0.5 },
    },
    {
      name: "an amount review hits legitimate payments (old, and marked) and skips the young one's verdict",
      candidate: () => [big],
      // ch_old_big (600 USD ≈ > 500 EUR), ch_young (700 EUR), ch_marked_ok (900 EUR)
      decisions: { ALLOW: 3, REVIEW: 3, BLOCK: 0 },
      accuracy: {
        fraudReviewed: 0,
        legitimateReviewed: 2,
        legitimateHitAmounts: { usd: 60_000, eur: 90_000 },
        precision: 0,
        recall: 0,
        excludedTooYoung: 1,
      },
    },
    {
      name: "both rules together",
      candidate: () => [velocity, big],
      decisions: { ALLOW: 2, REVIEW: 3, BLOCK: 1 },
      accuracy: { fraudBlocked: 1, fraudReviewed: 0, legitimateReviewed: 2, precision: 1 / 3, recall: 0.5 },
    },
  ])("$name", ({ candidate, decisions, accuracy }) => {
    const report = run(candidate());
    expect(
      Object.fromEntries(Object.entries(report.candidate.decisions).map(([d, totals]) => [d, totals.count])),
    ).toEqual(decisions);
    expect(report.candidate.accuracy).toMatchObject(accuracy);
  });

  it("counts only up to `to`, and judges age at `asOf`", () => {
    const report = run([], { to: daysAgo(100) });
    expect(report.payments).toBe(3);
    expect(report.candidate.accuracy).toMatchObject({ fraud: 1, legitimate: 2, excludedTooYoung: 0 });
  });

  it("reports each rule's hits with examples that say why", () => {
    const report = run([velocity, rule("never", "Block if :amount_in_eur: > 1000000")], { examples: 1 });
    expect(report.rules.map((r) => [r.ruleId, r.hits])).toEqual([
      ["velocity", 1],
      ["never", 0],
    ]);
    expect(report.examples.fraudCaught).toEqual([
      {
        chargeId: "ch_old_fraud",
        createdAt: daysAgo(200).toISOString(),
        decision: "BLOCK",
        amount: 40_000,
        currency: "eur",
        verdict: "fraud",
        why: "rule:velocity (block)",
      },
    ]);
    expect(report.examples.fraudMissed.map((e) => e.chargeId)).toEqual(["ch_young_fraud"]);
    expect(report.rules[0]!.examples).toHaveLength(1);
  });

  it("counts each rule's hits before an instant in the same replay, as a replay ending there would", () => {
    const at = daysAgo(100);
    const split = run([big, velocity], { hitsBefore: at }).hitsBefore;
    const alone = run([big, velocity], { to: new Date(at.getTime() - 1) });
    expect(split).toEqual({ at: at.toISOString(), payments: 3, hits: { big: 1, velocity: 1 } });
    expect(split?.payments).toBe(alone.payments);
    expect(split?.hits).toEqual(Object.fromEntries(alone.rules.map((r) => [r.ruleId, r.hits])));
    expect(run([big])).not.toHaveProperty("hitsBefore");
  });

  it("compares with a baseline rule set", () => {
    const report = run([velocity], { baseline: [big] });
    expect(report.baseline?.decisions.REVIEW.count).toBe(3);
    expect(report.baseline?.changedDecisions).toBe(4);
  });

  it("runs the detectors as live: a shadow candidate never decides", () => {
    const report = run([rule("shadow", "Block if :amount_in_eur: > 0", { shadow: true })], {
      detectors: undefined,
    });
    expect(report.candidate.decisions.BLOCK.count).toBe(0);
    expect(report.rules[0]!.hits).toBe(6);
  });
});
