import { describe, expect, it } from "vitest";
import { DEFAULT_ATTRIBUTE_REGISTRY } from "./attributes/registry";
import { compileRule } from "./compile-rule";
import { featureReferences } from "./feature-references";

function referencesOf(text: string): string[] {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
  return [...featureReferences(compiled.ast.condition, DEFAULT_ATTRIBUTE_REGISTRY)].sort();
}

describe("featureReferences", () => {
  it("collects the catalogue features a rule reads, through and/or/not, in, is_missing and bare booleans", () => {
    expect(
      referencesOf(
        "Block if (:card_count_for_ip_address_hourly: > 5 or not :ip_country: in ('FR', 'DE')) and " +
          "(is_missing(:seconds_since_email_first_seen:) or :is_disposable_email:) and :amount_in_usd: > 50",
      ),
    ).toEqual([
      "card_count_for_ip_address_hourly",
      "ip_country",
      "is_disposable_email",
      "seconds_since_email_first_seen",
    ]);
  });

  it("is empty for a rule on the payment's own fields, derived values and metadata", () => {
    expect(
      referencesOf("Review if :card_funding: = 'prepaid' and :email_domain: = 'x.com' and ::order:: = '1'"),
    ).toEqual([]);
  });
});
