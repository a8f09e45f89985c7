import { deleteRuleRow, findRule, selectRules, selectRuleVersions } from "@orylo/db";
import { recordAudit } from "../audit/record-audit";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import {
  type RuleDetail,
  type RuleList,
  type RuleVersionList,
  type RuleVersionView,
  toRuleView,
} from "./rule-schemas";

const COMPARED = ["name", "action", "text", "priority", "mode", "enabled", "expiresAt"] as const;

/** Newest first, each saying which fields it changed from the one before (the diff a person reads). */
async function versionsOf(ctx: OrgCtx, id: string): Promise<RuleVersionView[]> {
  const rows = await selectRuleVersions(ctx.db, ctx.organizationId, id);
  return rows.map((row, index) => {
    const previous = rows[index + 1];
    const view = {
      ...row,
      expiresAt: row.expiresAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
    const before = previous && { ...previous, expiresAt: previous.expiresAt?.toISOString() ?? null };
    return { ...view, changed: COMPARED.filter((field) => !before || before[field] !== view[field]) };
  });
}

export async function listRules(ctx: OrgCtx): Promise<RuleList> {
  const rows = await selectRules(ctx.db, ctx.organizationId);
  return { data: rows.map(toRuleView), nextCursor: null };
}

export async function getRule(ctx: OrgCtx, id: string): Promise<RuleDetail> {
  const row = await findRule(ctx.db, ctx.organizationId, id);
  if (!row) throw new NotFoundError("rule", id);
  return { ...toRuleView(row), versions: await versionsOf(ctx, id) };
}

export async function listRuleVersions(ctx: OrgCtx, id: string): Promise<RuleVersionList> {
  const versions = await versionsOf(ctx, id);
  if (versions.length === 0) throw new NotFoundError("rule", id);
  return { data: versions, nextCursor: null };
}

/** Removes the rule and its history; detections keep the rule id and version they were decided with. */
export async function deleteRule(ctx: OrgCtx, id: string): Promise<void> {
  const deleted = await ctx.db.transaction(async (tx) => {
    if (!(await deleteRuleRow(tx, ctx.organizationId, id))) return false;
    await recordAudit(ctx, { action: "rule.deleted", target: { type: "rule", id } }, tx);
    return true;
  });
  if (!deleted) throw new NotFoundError("rule", id);
  ctx.logger.info({ ruleId: id }, "rule deleted");
}
