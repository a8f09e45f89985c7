import { describe, expect, it } from "vitest";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import type { Transaction } from "../transaction";
import { compileRule } from "./compile-rule";
import type { RuleInput } from "./evaluate-condition";
import { evaluateRules } from "./evaluate-rules";
import type { Rule } from "./rule";

const NOW = new Date("2025-03-03T12:00:00Z");

function rule(text: string, overrides: Partial<Rule> = {}): Rule {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join("\n"));
  return {
    id: "r1",
    version: 1,
    action: compiled.ast.action,
    ast: compiled.ast.condition,
    priority: 0,
    shadow: false,
    enabled: true,
    ...overrides,
  };
}

function outcomeOf(text: string, transaction: Partial<Transaction> = {}, input: Partial<RuleInput> = {}) {
  const [outcome] = evaluateRules([rule(text)], {
    transaction: makeTransaction(transaction),
    features: featuresWith(),
    now: NOW,
    ...input,
  });
  return outcome!;
}

describe("evaluateRules: three-valued outcomes", () => {
  it.each<{ text: string; transaction?: Partial<Transaction>; expected: string }>([
    { text: "Block if :card_funding: = 'prepaid'", transaction: { cardFunding: "prepaid" }, expected: "hit" },
    {
      text: "Block if :card_funding: = 'prepaid'",
      transaction: { cardFunding: "credit" },
      expected: "no_hit",
    },
    { text: "Block if :card_funding: = 'prepaid'", transaction: { cardFunding: null }, expected: "unknown" },
    { text: "Block if :card_funding: != 'prepaid'", transaction: { cardFunding: null }, expected: "unknown" },
    {
      text: "Block if not :card_funding: = 'prepaid'",
      transaction: { cardFunding: null },
      expected: "unknown",
    },
    { text: "Block if is_missing(:card_funding:)", transaction: { cardFunding: null }, expected: "hit" },
    {
      text: "Block if is_missing(:card_funding:)",
      transaction: { cardFunding: "debit" },
      expected: "no_hit",
    },
    {
      text: "Block if not is_missing(:card_funding:)",
      transaction: { cardFunding: null },
      expected: "no_hit",
    },
    // Kleene: false AND unknown is false; true OR unknown is true.
    {
      text: "Block if :card_funding: = 'x' and :card_country: = 'FR'",
      transaction: { cardFunding: null, cardCountry: "DE" },
      expected: "no_hit",
    },
    {
      text: "Block if :card_funding: = 'x' and :card_country: = 'FR'",
      transaction: { cardFunding: null },
      expected: "unknown",
    },
    {
      text: "Block if :card_funding: = 'x' or :card_country: = 'FR'",
      transaction: { cardFunding: null },
      expected: "hit",
    },
    {
      text: "Block if :card_country: != :billing_address_country:",
      transaction: { billingCountry: "NG" },
      expected: "hit",
    },
    {
      text: "Block if :card_country: != :billing_address_country:",
      transaction: { billingCountry: null },
      expected: "unknown",
    },
    // Radar strings are case-insensitive; identifiers are exact.
    { text: "Block if :card_country: in ('fr', 'de')", expected: "hit" },
    {
      text: "Block if :card_fingerprint: = 'FP_X'",
      transaction: { cardFingerprint: "fp_x" },
      expected: "no_hit",
    },
    { text: "Block if :email: like '%@EXAMPLE.com'", expected: "hit" },
    {
      text: "Block if ::order_total:: > 100",
      transaction: { metadata: { order_total: "150" } },
      expected: "hit",
    },
    { text: "Block if ::order_total:: > 100", transaction: { metadata: {} }, expected: "unknown" },
    // Radar: metadata compared as text is case-sensitive, unlike attributes.
    {
      text: "Block if ::Plan Tier:: = 'gold'",
      transaction: { metadata: { "Plan Tier": "Gold" } },
      expected: "no_hit",
    },
    {
      text: "Block if ::Plan Tier:: = 'Gold'",
      transaction: { metadata: { "Plan Tier": "Gold" } },
      expected: "hit",
    },
    { text: "Block if is_missing(::order_total::)", transaction: { metadata: {} }, expected: "hit" },
    {
      text: "Block if :is_3d_secure_authenticated:",
      transaction: { threeDSecureResult: "authenticated" },
      expected: "hit",
    },
    {
      text: "Block if :amount_in_eur: > 300",
      transaction: { amount: 35_000, currency: "usd" },
      expected: "hit",
    },
    {
      text: "Block if :amount_in_eur: > 300",
      transaction: { amount: 30_000, currency: "usd" },
      expected: "no_hit",
    },
  ])("$text on $transaction → $expected", ({ text, transaction, expected }) => {
    expect(outcomeOf(text, transaction).outcome).toBe(expected);
  });
});

describe("evaluateRules: errors are recorded, never a silent no_hit", () => {
  it.each<{ text: string; transaction?: Partial<Transaction>; input?: Partial<RuleInput>; code: string }>([
    { text: "Allow if :email: in @vip_customers", code: "unknown_list" },
    { text: "Block if :amount_in_eur: > 1", transaction: { currency: "xyz" }, code: "currency_rate_missing" },
    {
      text: "Block if ::order_total:: > 100",
      transaction: { metadata: { order_total: "lots" } },
      code: "type_mismatch",
    },
    {
      text: "Review if :card_count_for_ip_address_hourly: >= 3",
      input: { features: {} },
      code: "feature_not_provided",
    },
  ])("$text → error $code", ({ text, transaction, input, code }) => {
    const outcome = outcomeOf(text, transaction, input);
    expect(outcome.outcome).toBe("error");
    expect(outcome.error?.code).toBe(code);
  });

  it("reports an attribute unknown to the registry in a stored AST as an error", () => {
    const stored = rule("Block if :card_country: = 'FR'", {
      ast: {
        type: "compare",
        operator: "=",
        left: { type: "attribute", name: "nope" },
        right: { type: "string", value: "x" },
      },
    });
    const [outcome] = evaluateRules([stored], { transaction: makeTransaction(), features: {}, now: NOW });
    expect(outcome).toMatchObject({ outcome: "error", error: { code: "unknown_attribute" } });
  });
});

describe("evaluateRules: the trace", () => {
  it("records what each rule saw, lists, expiry and disabled rules", () => {
    const outcomes = evaluateRules(
      [
        rule("Block if :card_funding: = 'prepaid' and :amount_in_eur: > 300", { id: "prepaid", priority: 5 }),
        rule("Allow if :email: in @vip_customers", { id: "vip", shadow: true }),
        rule("Block if :card_country: = 'FR'", { id: "expired", expiresAt: NOW }),
        rule("Block if :card_country: = 'FR'", { id: "later", expiresAt: new Date(NOW.getTime() + 1) }),
        rule("Block if :card_country: = 'FR'", { id: "off", enabled: false }),
        rule("Review if ::customer:tier:: = 'new' or ::channel:: = 'app'", { id: "meta" }),
      ],
      {
        transaction: makeTransaction({ cardFunding: "prepaid", amount: 35_000, email: "VIP@shop.test" }),
        features: featuresWith(),
        lists: { vip_customers: ["vip@shop.test"] },
        customerMetadata: { tier: "new" },
        now: NOW,
      },
    );
    expect(outcomes).toEqual([
      {
        ruleId: "prepaid",
        version: 1,
        outcome: "hit",
        action: "block",
        shadow: false,
        priority: 5,
        seen: { card_funding: "prepaid", amount_in_eur: 350 },
      },
      {
        ruleId: "vip",
        version: 1,
        outcome: "hit",
        action: "allow",
        shadow: true,
        priority: 0,
        seen: { email: "VIP@shop.test" },
      },
      {
        ruleId: "expired",
        version: 1,
        outcome: "expired",
        action: "block",
        shadow: false,
        priority: 0,
        seen: {},
      },
      {
        ruleId: "later",
        version: 1,
        outcome: "hit",
        action: "block",
        shadow: false,
        priority: 0,
        seen: { card_country: "FR" },
      },
      {
        ruleId: "meta",
        version: 1,
        outcome: "hit",
        action: "review",
        shadow: false,
        priority: 0,
        seen: { "customer_metadata.tier": "new", "metadata.channel": null },
      },
    ]);
  });
});
