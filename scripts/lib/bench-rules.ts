import { compileRule, type Rule } from "@orylo/engine";

/** A list the bench rules read, as large as a merchant's block list gets (1 000 emails). */
export const BENCH_LISTS: Record<string, string[]> = {
  blocked_emails: Array.from({ length: 1_000 }, (_, i) => `blocked${i}@example.com`),
};

const TEMPLATES = [
  (i: number) => `Review if :amount_in_eur: > ${200 + i * 25} and :card_funding: = 'prepaid'`,
  (i: number) => `Block if :card_count_for_ip_address_hourly: >= ${6 + i}`,
  (i: number) => `Review if :declined_charges_per_card_number_daily: > ${3 + i} or :cvc_check: = 'fail'`,
  (i: number) => `Block if :email: in @blocked_emails and :amount_in_usd: > ${i}`,
  (i: number) =>
    `Review if :card_country: != :billing_address_country: and :amount_in_eur: > ${100 + i * 10}`,
];

/** SPEC §G's "50 rules": ten of each of five common shapes (thresholds, lists, attribute comparisons). */
export function benchRules(): Rule[] {
  return Array.from({ length: 50 }, (_, i) => {
    const compiled = compileRule(TEMPLATES[i % TEMPLATES.length]!(Math.floor(i / TEMPLATES.length)));
    if (!compiled.ok) throw new Error(`bench rule ${i} does not compile: ${compiled.errors[0]?.message}`);
    return {
      id: `rule_bench_${i}`,
      version: 1,
      action: compiled.ast.action,
      ast: compiled.ast.condition,
      priority: i,
      shadow: false,
      enabled: true,
    };
  });
}
