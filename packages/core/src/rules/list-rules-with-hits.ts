import { countRuleHits } from "@orylo/db";
import type { OrgCtx } from "../context";
import { listRules } from "./get-rule";
import type { RuleView } from "./rule-schemas";

const WEEK_MS = 7 * 86_400_000;

/** The rules page: every rule with how many payments it matched in the last 7 days. */
export async function listRulesWithHits(ctx: OrgCtx): Promise<(RuleView & { hits7d: number })[]> {
  const [rules, hits] = await Promise.all([
    listRules(ctx),
    countRuleHits(ctx.db, ctx.organizationId, new Date(ctx.now().getTime() - WEEK_MS)),
  ]);
  const byRule = new Map(hits.map((row) => [row.ruleId, row.hits]));
  return rules.data.map((rule) => ({ ...rule, hits7d: byRule.get(rule.id) ?? 0 }));
}
