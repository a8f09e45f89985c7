import { createHash } from "node:crypto";
import { type EnabledRuleRow, type Executor, findListValuesByName, listEnabledRules } from "@orylo/db";
import { listReferences, type Rule, type RuleAst } from "@orylo/engine";

/** Decisions made by the built-in detectors alone (the organization has no enabled rule). */
export const BUILTIN_RULESET_VERSION = "builtin";

export type RuleSet = {
  rules: Rule[];
  lists: Record<string, string[]>;
  /** Stable digest of the enabled rules' ids and versions: which rule set decided a payment. */
  version: string;
};

/** `rs_` + 16 hex of SHA-256 over the sorted `id@version` pairs; the same rules give the same version. */
export function ruleSetVersion(rules: readonly { id: string; version: number }[]): string {
  if (rules.length === 0) return BUILTIN_RULESET_VERSION;
  const pairs = rules.map((rule) => `${rule.id}@${rule.version}`).sort();
  return `rs_${createHash("sha256").update(pairs.join("\n")).digest("hex").slice(0, 16)}`;
}

/**
 * The organization's enabled rules and the unexpired items of the lists they read: one query when no
 * rule reads a list (or there are no rules), two otherwise. The AST was checked when the rule was saved.
 */
export async function loadRuleSet(db: Executor, organizationId: string, now: Date): Promise<RuleSet> {
  const rows = await listEnabledRules(db, organizationId);
  const rules = rows.map(toRule);
  const names = new Set<string>();
  for (const rule of rules) listReferences(rule.ast, names);
  const lists = await findListValuesByName(db, { organizationId, names: [...names], now });
  return { rules, lists, version: ruleSetVersion(rules) };
}

/** A stored enabled rule as the engine runs it. */
export function toRule(row: EnabledRuleRow): Rule {
  return {
    id: row.id,
    version: row.version,
    action: row.action,
    ast: (row.ast as RuleAst).condition,
    priority: row.priority,
    shadow: row.mode === "shadow",
    enabled: true,
    expiresAt: row.expiresAt,
  };
}
