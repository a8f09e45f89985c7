import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rules, ruleVersions } from "../schema";

export type RuleRow = typeof rules.$inferSelect;
export type RuleVersionRow = typeof ruleVersions.$inferSelect;
export type NewRule = typeof rules.$inferInsert;
export type RulePatch = Partial<
  Pick<RuleRow, "name" | "action" | "text" | "ast" | "priority" | "mode" | "enabled" | "expiresAt">
>;

/** The version row that records a rule as it now stands. */
function versionOf(rule: RuleRow, author: string) {
  return {
    ruleId: rule.id,
    version: rule.version,
    name: rule.name,
    text: rule.text,
    ast: rule.ast,
    action: rule.action,
    priority: rule.priority,
    mode: rule.mode,
    enabled: rule.enabled,
    expiresAt: rule.expiresAt,
    author,
  };
}

/** Inserts a rule (version 1) and its first version row; run it in a transaction. */
export async function insertRule(db: Executor, row: Omit<NewRule, "version">): Promise<RuleRow> {
  const [rule] = await db
    .insert(rules)
    .values({ ...row, version: 1 })
    .returning();
  if (!rule) throw new Error("rule insert returned no row");
  await db.insert(ruleVersions).values(versionOf(rule, row.createdBy));
  return rule;
}

/**
 * Applies a change, bumps the version in the same statement (concurrent edits get distinct versions) and
 * records the new version row. Undefined when the rule is not in this organization.
 */
export async function updateRuleRow(
  db: Executor,
  organizationId: string,
  id: string,
  patch: RulePatch,
  author: string,
): Promise<RuleRow | undefined> {
  const [rule] = await db
    .update(rules)
    .set({ ...patch, version: sql`${rules.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(rules.organizationId, organizationId), eq(rules.id, id)))
    .returning();
  if (!rule) return undefined;
  await db.insert(ruleVersions).values(versionOf(rule, author));
  return rule;
}

export async function findRule(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(rules)
    .where(and(eq(rules.organizationId, organizationId), eq(rules.id, id)));
  return row;
}

/** Highest priority first, then oldest: the order a merchant reads the rule set in. */
export async function selectRules(db: Executor, organizationId: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(rules)
    .where(eq(rules.organizationId, organizationId))
    .orderBy(desc(rules.priority), asc(rules.createdAt), asc(rules.id));
}

/** Newest first; empty when the rule is not in this organization. */
export async function selectRuleVersions(db: Executor, organizationId: string, ruleId: string) {
  return db
    .select({
      version: ruleVersions.version,
      name: ruleVersions.name,
      text: ruleVersions.text,
      action: ruleVersions.action,
      priority: ruleVersions.priority,
      mode: ruleVersions.mode,
      enabled: ruleVersions.enabled,
      expiresAt: ruleVersions.expiresAt,
      author: ruleVersions.author,
      createdAt: ruleVersions.createdAt,
    })
    .from(ruleVersions)
    .innerJoin(rules, eq(rules.id, ruleVersions.ruleId))
    .where(and(eq(rules.organizationId, organizationId), eq(ruleVersions.ruleId, ruleId)))
    .orderBy(desc(ruleVersions.version));
}

export async function deleteRuleRow(db: Executor, organizationId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(rules)
    .where(and(eq(rules.organizationId, organizationId), eq(rules.id, id)))
    .returning({ id: rules.id });
  return deleted.length > 0;
}

export type EnabledRuleRow = Awaited<ReturnType<typeof listEnabledRules>>[number];

/** What the engine needs: the organization's enabled rules, nothing else (the webhook path: decision-inputs.ts). */
export async function listEnabledRules(db: Executor, organizationId: string) {
  return db
    .select({
      id: rules.id,
      version: rules.version,
      action: rules.action,
      ast: rules.ast,
      priority: rules.priority,
      mode: rules.mode,
      expiresAt: rules.expiresAt,
    })
    .from(rules)
    .where(and(eq(rules.organizationId, organizationId), eq(rules.enabled, true)))
    .orderBy(asc(rules.id));
}
