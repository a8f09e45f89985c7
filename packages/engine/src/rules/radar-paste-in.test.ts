import { describe, expect, it } from "vitest";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import type { Transaction } from "../transaction";
import { compileRule } from "./compile-rule";
import { evaluateRules } from "./evaluate-rules";
import { parseRule } from "./parser";
import type { RuleOutcomeKind } from "./rule";

/**
 * Rules as Stripe publishes them, pasted unchanged, evaluated on hand-built payments.
 * REF = Stripe, "Rules reference", https://docs.stripe.com/radar/rules/reference (rule structure,
 *       metadata, post-authorization attributes, operators, lists, missing attributes sections).
 * TESTING = Stripe, "Testing Stripe Radar", https://docs.stripe.com/radar/testing.
 */
type Case = {
  payment?: Partial<Transaction>;
  customerMetadata?: Record<string, string>;
  expected: RuleOutcomeKind;
};
type Published = { source: "REF" | "TESTING"; text: string; cases: Case[] };

const US = { currency: "usd" } as const;
const LISTS = { card_countries_to_block: ["CA", "DE", "AE"] };

const PUBLISHED: Published[] = [
  {
    source: "REF",
    text: "Block if :amount_in_usd: > 1000.00",
    cases: [
      { payment: { ...US, amount: 150_000 }, expected: "hit" },
      { payment: { ...US, amount: 50_000 }, expected: "no_hit" },
      // The reference's own example: 900 GBP is blocked when it converts to more than 1,000 USD.
      { payment: { currency: "gbp", amount: 90_000 }, expected: "hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if ::Customer Age:: < 30",
    cases: [
      { payment: { metadata: { "Customer Age": "22" } }, expected: "hit" },
      { payment: { metadata: { "Customer Age": "45" } }, expected: "no_hit" },
      { payment: { metadata: {} }, expected: "unknown" },
    ],
  },
  {
    source: "REF",
    text: "Review if ::Item ID:: = '5A381D' and :amount_in_usd: > 1000",
    cases: [
      { payment: { ...US, amount: 120_000, metadata: { "Item ID": "5A381D" } }, expected: "hit" },
      // Metadata compared as text is case-sensitive (same section).
      { payment: { ...US, amount: 120_000, metadata: { "Item ID": "5a381d" } }, expected: "no_hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if ::Category ID:: IN ('groceries', 'electronics', 'clothing')",
    cases: [
      { payment: { metadata: { "Category ID": "groceries" } }, expected: "hit" },
      { payment: { metadata: { "Category ID": "toys" } }, expected: "no_hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if ::Item ID:: INCLUDES 'A381'",
    cases: [
      { payment: { metadata: { "Item ID": "5A381D" } }, expected: "hit" },
      { payment: { metadata: { "Item ID": "B999" } }, expected: "no_hit" },
    ],
  },
  {
    source: "REF",
    text: "Allow if ::customer:Trusted:: = 'true'",
    cases: [
      { customerMetadata: { Trusted: "true" }, expected: "hit" },
      { customerMetadata: {}, expected: "unknown" },
    ],
  },
  {
    source: "REF",
    text: "Block if :address_zip_check: in ('fail', 'not_provided')",
    cases: [
      { payment: { addressPostalCodeCheck: "fail" }, expected: "hit" },
      { payment: { addressPostalCodeCheck: "pass" }, expected: "no_hit" },
    ],
  },
  {
    source: "REF",
    text: "Block if :cvc_check: = 'fail'",
    cases: [{ payment: { cvcCheck: "fail" }, expected: "hit" }],
  },
  {
    source: "REF",
    text: "Block if :address_line1_check: = 'fail'",
    cases: [
      { payment: { addressLine1Check: "fail" }, expected: "hit" },
      { payment: { addressLine1Check: null }, expected: "unknown" },
    ],
  },
  ...[
    "Block if :card_country: = 'CA' OR :card_country: = 'DE' OR :card_country: = 'AE'",
    "Block if :card_country: IN ('CA', 'DE', 'AE')",
    "Block if :card_country: in @card_countries_to_block",
  ].map(
    (text): Published => ({
      source: "REF",
      text,
      cases: [
        { payment: { cardCountry: "DE" }, expected: "hit" },
        { payment: { cardCountry: "FR" }, expected: "no_hit" },
      ],
    }),
  ),
  // "Missing attributes": without an email, none of these three match.
  {
    source: "REF",
    text: "Block if :email_domain: = 'definitelyfraud.com'",
    cases: [
      { payment: { email: null }, expected: "unknown" },
      { payment: { email: "a@definitelyfraud.com" }, expected: "hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if :email_domain: != 'definitelysafe.com'",
    cases: [
      { payment: { email: null }, expected: "unknown" },
      { payment: { email: "a@elsewhere.com" }, expected: "hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if NOT (:email_domain: = 'definitelysafe.com')",
    cases: [
      { payment: { email: null }, expected: "unknown" },
      { payment: { email: "a@definitelysafe.com" }, expected: "no_hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if is_missing(:email_domain:)",
    cases: [
      { payment: { email: null }, expected: "hit" },
      { payment: { email: "a@b.com" }, expected: "no_hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if !(is_missing(::foo::))",
    cases: [
      { payment: { metadata: { foo: "x" } }, expected: "hit" },
      { payment: { metadata: {} }, expected: "no_hit" },
    ],
  },
  {
    source: "REF",
    text: "Review if is_missing(:email_domain:) OR :email_domain: IN ('yopmail.net', 'yandex.ru')",
    cases: [
      { payment: { email: null }, expected: "hit" },
      { payment: { email: "x@YOPMAIL.net" }, expected: "hit" },
      { payment: { email: "x@example.com" }, expected: "no_hit" },
    ],
  },
  {
    source: "TESTING",
    text: "Block if :risk_level: = 'highest'",
    cases: [
      { payment: { radarRiskLevel: "highest" }, expected: "hit" },
      { payment: { radarRiskLevel: "normal" }, expected: "no_hit" },
    ],
  },
];

// The reference's operator table and "valid conditions", each as the condition of a Block rule.
const CONDITIONS: Array<[string, Partial<Transaction>, RuleOutcomeKind]> = [
  [":card_country: = 'us'", { cardCountry: "US" }, "hit"],
  [":card_funding: != 'prepaid'", { cardFunding: "debit" }, "hit"],
  [":amount_in_gbp: < 10.00", { currency: "gbp", amount: 999 }, "hit"],
  [":amount_in_usd: > 500.00", { ...US, amount: 50_000 }, "no_hit"],
  [":amount_in_eur: <= 100.00", { currency: "eur", amount: 10_000 }, "hit"],
  [":amount_in_cad: >= 10.00", { currency: "cad", amount: 1_000 }, "hit"],
  [":card_country: IN ('gb', 'ie')", { cardCountry: "IE" }, "hit"],
  [":ip_address: INCLUDES '192.168'", { ipAddress: "192.168.1.20" }, "hit"],
  [":email: LIKE 'fraud%@stripe.com'", { email: "fraud+1@stripe.com" }, "hit"],
  [":email: LIKE 'fraud%@stripe.com'", { email: "jenny@stripe.com" }, "no_hit"],
  [":card_brand: = 'amex'", { cardBrand: "amex" }, "hit"],
  [":card_country: != 'US'", { cardCountry: "FR" }, "hit"],
  [":amount_in_usd: >= 1000.00", { ...US, amount: 100_000 }, "hit"],
];

function outcome(text: string, testCase: Case): RuleOutcomeKind | undefined {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join("; "));
  const { action, condition } = compiled.ast;
  const rule = {
    id: "pasted",
    version: 1,
    action,
    ast: condition,
    priority: 0,
    shadow: false,
    enabled: true,
  };
  return evaluateRules([rule], {
    transaction: makeTransaction(testCase.payment),
    features: featuresWith(),
    lists: LISTS,
    customerMetadata: testCase.customerMetadata,
    now: new Date("2025-03-03T12:00:00Z"),
  })[0]?.outcome;
}

describe("Radar rules pasted as published", () => {
  it.each(PUBLISHED)("$source: $text", ({ text, cases }) => {
    for (const testCase of cases)
      expect(outcome(text, testCase), JSON.stringify(testCase)).toBe(testCase.expected);
  });

  it.each(CONDITIONS)("REF operator table: Block if %s on %j → %s", (condition, payment, expected) => {
    expect(outcome(`Block if ${condition}`, { payment, expected })).toBe(expected);
  });

  it("REF: X OR NOT Y AND Z reads as X OR ((NOT Y) AND Z)", () => {
    expect(parseRule("Block if :a: = 1 OR NOT :b: = 2 AND :c: = 3")).toEqual(
      parseRule("Block if :a: = 1 OR ((NOT :b: = 2) AND :c: = 3)"),
    );
  });

  it.each([
    [":risk_level: < 'highest'", "< needs numbers"],
    [":amount_in_usd: >= 'one thousand dollars'", "`:amount_in_usd:` is a number"],
  ])("REF invalid condition %s is refused", (condition, message) => {
    const compiled = compileRule(`Block if ${condition}`);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.errors[0]!.message).toContain(message);
  });

  it("REF: Block if :card_country: != :ip_country: compares the card's country with the IP's", () => {
    const compiled = compileRule("Block if :card_country: != :ip_country:");
    if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
    const rule = {
      id: "geo",
      version: 1,
      action: compiled.ast.action,
      ast: compiled.ast.condition,
      priority: 0,
      shadow: false,
      enabled: true,
    };
    const run = (ip: string | null) =>
      evaluateRules([rule], {
        transaction: makeTransaction({ cardCountry: "FR" }),
        features: featuresWith({ ip_country: ip }),
        now: new Date(),
      })[0]?.outcome;
    expect([run("NG"), run("fr"), run(null)]).toEqual(["hit", "no_hit", "unknown"]);
  });
});
