import { describe, expect, it } from "vitest";
import { decidingRuleHit } from "../decide";
import { evaluate } from "../evaluate";
import { Evaluation } from "../evaluation";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import { compileRule } from "./compile-rule";
import type { Rule } from "./rule";

function rule(id: string, text: string, overrides: Partial<Rule> = {}): Rule {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
  const { action, condition } = compiled.ast;
  return { id, version: 1, action, ast: condition, priority: 0, shadow: false, enabled: true, ...overrides };
}

const prepaid = makeTransaction({ cardFunding: "prepaid", amount: 40_000, currency: "eur" });
const run = (rules: Rule[], lists: Record<string, string[]> = {}) =>
  evaluate(prepaid, featuresWith(), DEFAULT_ENGINE_SETTINGS, { detectors: [], rules, lists });

describe("evaluate with rules", () => {
  it("keeps the old signature: no rules, no rule outcomes", () => {
    const evaluation = evaluate(prepaid, featuresWith(), DEFAULT_ENGINE_SETTINGS);
    expect(evaluation.ruleHits).toEqual([]);
    expect(evaluation.ruleOutcomes).toEqual([]);
  });

  it.each<{ name: string; rules: Rule[]; decision: string; deciding: string | null }>([
    {
      name: "a block rule blocks a payment no detector flags",
      rules: [rule("prepaid", "Block if :card_funding: = 'prepaid' and :amount_in_eur: > 300")],
      decision: "BLOCK",
      deciding: "prepaid",
    },
    {
      name: "allow beats block",
      rules: [rule("b", "Block if :card_funding: = 'prepaid'"), rule("a", "Allow if :card_country: = 'FR'")],
      decision: "ALLOW",
      deciding: "a",
    },
    {
      name: "block beats review",
      rules: [rule("r", "Review if :card_funding: = 'prepaid'"), rule("b", "Block if :card_country: = 'FR'")],
      decision: "BLOCK",
      deciding: "b",
    },
    {
      name: "a shadow block is recorded, not enforced",
      rules: [rule("s", "Block if :card_funding: = 'prepaid'", { shadow: true })],
      decision: "ALLOW",
      deciding: null,
    },
    {
      name: "request 3DS neither decides nor stops the block rules",
      rules: [
        rule("3ds", "Request 3D Secure if :amount_in_eur: > 100"),
        rule("b", "Block if :amount_in_eur: > 300"),
      ],
      decision: "BLOCK",
      deciding: "b",
    },
    {
      name: "priority breaks ties within a kind",
      rules: [
        rule("low", "Review if :card_funding: = 'prepaid'", { priority: 1 }),
        rule("high", "Review if :amount_in_eur: > 300", { priority: 9 }),
      ],
      decision: "REVIEW",
      deciding: "high",
    },
    {
      name: "an erroring allow rule does not allow (and is traced)",
      rules: [
        rule("vip", "Allow if :email: in @vip_customers"),
        rule("b", "Block if :card_funding: = 'prepaid'"),
      ],
      decision: "BLOCK",
      deciding: "b",
    },
  ])("$name", ({ rules, decision, deciding }) => {
    const evaluation = run(rules);
    expect(evaluation.decision).toBe(decision);
    expect(decidingRuleHit(evaluation.ruleHits)?.ruleId ?? null).toBe(deciding);
    expect(evaluation.ruleOutcomes.map((outcome) => outcome.ruleId)).toEqual(rules.map((r) => r.id));
  });

  it("ranks hits (deciding first) and traces every outcome, errors included", () => {
    const evaluation = run([
      rule("3ds", "Request 3D Secure if :amount_in_eur: > 100"),
      rule("shadow", "Block if :amount_in_eur: > 1", { shadow: true }),
      rule("review", "Review if :card_funding: = 'prepaid'"),
      rule("vip", "Allow if :email: in @vip_customers"),
      rule("quiet", "Block if :card_country: = 'NG'"),
    ]);
    expect(evaluation.ruleHits.map((hit) => hit.ruleId)).toEqual(["review", "3ds", "shadow"]);
    expect(evaluation.ruleOutcomes.map((o) => [o.ruleId, o.outcome])).toEqual([
      ["3ds", "hit"],
      ["shadow", "hit"],
      ["review", "hit"],
      ["vip", "error"],
      ["quiet", "no_hit"],
    ]);
    expect(Evaluation.parse(JSON.parse(JSON.stringify(evaluation)))).toEqual(evaluation);
  });

  it("judges expiry at the payment's time unless told otherwise, and reads lists", () => {
    const rules = [
      rule("temp", "Block if :card_funding: = 'prepaid'", { expiresAt: new Date("2025-03-03T11:00:00Z") }),
      rule("vip", "Allow if :email: in @vip_customers"),
    ];
    const evaluation = run(rules, { vip_customers: [prepaid.email!.toUpperCase()] });
    expect(evaluation.ruleOutcomes.map((o) => o.outcome)).toEqual(["expired", "hit"]);
    expect(evaluation.decision).toBe("ALLOW");
    const earlier = evaluate(prepaid, featuresWith(), DEFAULT_ENGINE_SETTINGS, {
      detectors: [],
      rules,
      now: new Date("2025-03-03T10:00:00Z"),
    });
    expect(earlier.ruleOutcomes.map((o) => o.outcome)).toEqual(["hit", "error"]);
  });

  it("reads traces stored before rules existed", () => {
    const { ruleOutcomes: _ignored, ...old } = run([]);
    expect(Evaluation.parse(old).ruleOutcomes).toEqual([]);
  });
});
