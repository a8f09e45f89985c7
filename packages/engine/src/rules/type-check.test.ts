import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "../features/catalogue";
import { PAYMENT_FEATURES } from "../features/payment-features";
import { makeTransaction } from "../test-helpers/make-transaction";
import { type AttributeDefinition, resolveAttribute } from "./attributes/attribute";
import {
  createAttributeRegistry,
  DEFAULT_ATTRIBUTE_REGISTRY,
  DEFAULT_ATTRIBUTES,
} from "./attributes/registry";
import { compileRule } from "./compile-rule";

function errorsOf(text: string): string[] {
  const compiled = compileRule(text);
  return compiled.ok ? [] : compiled.errors.map((error) => `${error.code}: ${error.message}`);
}

describe("compileRule", () => {
  it.each([
    "Block if :card_funding: = 'prepaid' and :amount_in_eur: > 300",
    "Review if :card_count_for_ip_address_hourly: >= 3",
    "Allow if :email: in @vip_customers",
    "Block if :card_country: != :billing_address_country:",
    "Block if ::age:: < 18 or ::customer:tier:: = 'gold' or ::sku:: like 'GIFT-%'",
    "Block if not :is_3d_secure_authenticated: and is_missing(:card_bin:)",
    "Review if :risk_score: in (65, 70) or :email_domain: includes 'mail'",
    "Block if :merchant_decline_rate_10m: > 0.5 and :amount_in_jpy: <= 100",
  ])("accepts %s", (text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  it.each([
    {
      text: "Block if :card_fundng: = 'prepaid'",
      errors: ["unknown_attribute: Unknown attribute :card_fundng: at 1:10. Did you mean :card_funding:?"],
    },
    { text: "Block if :zzz: = 1", errors: ["unknown_attribute: Unknown attribute :zzz: at 1:10."] },
    {
      text: "Block if :amount_in_eur: > 'abc'",
      errors: [
        "type_error: Type mismatch at 1:10: > needs numbers: `:amount_in_eur:` is a number; 'abc' is a string.",
      ],
    },
    {
      text: "Block if :amount_in_eur: = 'abc'",
      errors: ["type_error: Type mismatch at 1:10: `:amount_in_eur:` is a number; 'abc' is a string."],
    },
    {
      text: "Block if :card_country: = :risk_score:\n  or :email: like :email_domain:",
      errors: [
        "type_error: Type mismatch at 1:10: `:card_country:` is a string; `:risk_score:` is a number.",
        "type_error: Type mismatch at 2:19: like needs a quoted pattern on the right, such as '%@example.com'.",
      ],
    },
    {
      text: "Block if :risk_score: in @bad_scores or :card_country: in ('FR', 1)",
      errors: [
        "type_error: Type mismatch at 1:10: `:risk_score:` is a number; lists (@name) hold text.",
        "type_error: Type mismatch at 1:66: `:card_country:` is a string; 1 is a number.",
      ],
    },
    {
      text: "Block if :card_country:",
      errors: [
        "type_error: Type mismatch at 1:10: `:card_country:` is a string; a condition on its own needs a boolean (compare it with a value).",
      ],
    },
    {
      text: "Block if :is_3d_secure: includes 'x'",
      errors: [
        "type_error: Type mismatch at 1:10: includes needs text: `:is_3d_secure:` is a boolean; 'x' is a string.",
      ],
    },
    {
      text: "Block if :a: = = 1",
      errors: ["syntax_error: Expected an attribute or a value, found '=' at 1:16"],
    },
  ])("rejects $text", ({ text, errors }) => {
    expect(errorsOf(text)).toEqual(errors);
  });

  it("returns the canonical text of an accepted rule", () => {
    expect(compileRule('block IF :card_funding: = "prepaid"')).toMatchObject({
      ok: true,
      text: "Block if :card_funding: = 'prepaid'",
    });
  });
});

describe("attribute registry", () => {
  it("holds every catalogue feature with its type", () => {
    const typeOf = new Map(PAYMENT_FEATURES.map((feature) => [feature.name, feature.type]));
    for (const feature of FEATURE_NAMES)
      expect(DEFAULT_ATTRIBUTE_REGISTRY.get(feature)?.type).toBe(typeOf.get(feature) ?? "number");
    expect(DEFAULT_ATTRIBUTE_REGISTRY.get("ip_country")?.type).toBe("string");
  });

  it("grows by data: a feature-backed attribute is one definition", () => {
    const ipRegion: AttributeDefinition = {
      name: "ip_region",
      type: "string",
      description: "Region of the IP address",
      source: { kind: "feature", feature: "ip_region" },
    };
    const registry = createAttributeRegistry([...DEFAULT_ATTRIBUTES, ipRegion]);
    expect(compileRule("Block if :ip_region: = 'Lagos'", { registry }).ok).toBe(true);
    expect(compileRule("Block if :ip_region: = 'Lagos'").ok).toBe(false);
    expect(
      resolveAttribute(ipRegion, { transaction: makeTransaction(), features: { ip_region: "Lagos" } }),
    ).toBe("Lagos");
    expect(() => createAttributeRegistry([ipRegion, ipRegion])).toThrow(/twice/);
  });

  it.each([
    { name: "amount_in_eur", overrides: { amount: 1999, currency: "eur" }, expected: 19.99 },
    { name: "amount_in_jpy", overrides: { amount: 1000, currency: "jpy" }, expected: 1000 },
    { name: "amount_in_eur", overrides: { amount: 10_000, currency: "usd" }, expected: 92 },
    { name: "email_domain", overrides: { email: "Jane@Example.COM" }, expected: "example.com" },
    { name: "email_domain", overrides: { email: null }, expected: null },
    {
      name: "is_3d_secure_authenticated",
      overrides: { threeDSecureResult: "authenticated" },
      expected: true,
    },
    { name: "is_3d_secure_authenticated", overrides: { threeDSecureResult: null }, expected: false },
    { name: "is_3d_secure", overrides: { threeDSecureResult: "failed" }, expected: true },
    { name: "card_bin", overrides: { cardIin: "424242" }, expected: "424242" },
    { name: "address_zip_check", overrides: { addressPostalCodeCheck: "fail" }, expected: "fail" },
  ])("resolves :$name: from $overrides", ({ name, overrides, expected }) => {
    const definition = DEFAULT_ATTRIBUTE_REGISTRY.get(name)!;
    expect(resolveAttribute(definition, { transaction: makeTransaction(overrides), features: {} })).toBe(
      expected,
    );
  });
});
