import { describe, expect, it } from "vitest";
import { compileRuleText } from "../rules/compile-rule-text";
import { suggestTemporaryRule } from "./suggest-temporary-rule";

const attempt = (ipAddress: string | null, amount = 100, currency = "eur") => ({
  amount,
  currency,
  ipAddress,
});

describe("suggestTemporaryRule", () => {
  it.each([
    [
      "one IP carries most attempts",
      [attempt("a"), attempt("a"), attempt("b")],
      "Block if :card_count_for_ip_address_10m: >= 3",
    ],
    [
      "attempts spread over IPs: decline rate on amounts up to the attack's largest, in EUR",
      [attempt("a", 150), attempt("b", 90), attempt("c", 200, "jpy"), attempt(null, 50)],
      "Block if :merchant_decline_rate_10m: >= 0.5 and :amount_in_eur: <= 2",
    ],
    [
      "a currency without a rate is left out of the ceiling",
      [attempt("a", 300), attempt("b", 500, "xyz"), attempt("c", 120)],
      "Block if :merchant_decline_rate_10m: >= 0.5 and :amount_in_eur: <= 3",
    ],
  ])("%s", (_, attempts, rule) => {
    expect(suggestTemporaryRule(attempts)).toBe(rule);
    expect(compileRuleText(rule).ok).toBe(true);
  });
});
