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
  return Array.from({ length: 50 }, (_, i) =>
    benchRule(TEMPLATES[i % TEMPLATES.length]!(Math.floor(i / TEMPLATES.length)), `rule_bench_${i}`, i),
  );
}

/** An enabled, enforced rule from its text (a bench's rule must compile: it throws otherwise). */
export function benchRule(text: string, id: string, priority = 0): Rule {
  const compiled = compileRule(text);
  if (!compiled.ok) throw new Error(`bench rule ${id} does not compile: ${compiled.errors[0]?.message}`);
  return {
    id,
    version: 1,
    action: compiled.ast.action,
    ast: compiled.ast.condition,
    priority,
    shadow: false,
    enabled: true,
  };
}
