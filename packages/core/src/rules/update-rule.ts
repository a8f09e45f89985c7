import { type RulePatch, updateRuleRow } from "@orylo/db";
import { recordAudit } from "../audit/record-audit";
import { describeActor, type OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import { compileRuleOrThrow } from "./compile-rule-text";
import { type RuleView, toRuleView, type UpdateRuleInput } from "./rule-schemas";

/** Saves a change as a new version (recompiling new text); another organization's rule is a 404. */
export async function updateRule(ctx: OrgCtx, id: string, input: UpdateRuleInput): Promise<RuleView> {
  const patch: RulePatch = {};
  if (input.text !== undefined) {
    const compiled = compileRuleOrThrow(input.text);
    Object.assign(patch, { text: compiled.text, ast: compiled.ast, action: compiled.ast.action });
  }
  if (input.name !== undefined) patch.name = input.name;
  if (input.priority !== undefined) patch.priority = input.priority;
  if (input.mode !== undefined) patch.mode = input.mode;
  if (input.enabled !== undefined) patch.enabled = input.enabled;
  if (input.expiresAt !== undefined) patch.expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateRuleRow(tx, ctx.organizationId, id, patch, describeActor(ctx.actor));
    if (updated) {
      const data = { version: updated.version, fields: Object.keys(patch) };
      await recordAudit(ctx, { action: "rule.updated", target: { type: "rule", id }, data }, tx);
    }
    return updated;
  });
  if (!row) throw new NotFoundError("rule", id);
  ctx.logger.info({ ruleId: id, version: row.version, fields: Object.keys(patch) }, "rule updated");
  return toRuleView(row);
}

export type RuleState = "enforced" | "shadow" | "disabled";

/** Enable (enforced), shadow (recorded, never enforced) or disable a rule; each is a new version. */
export async function setRuleMode(ctx: OrgCtx, id: string, state: RuleState): Promise<RuleView> {
  return updateRule(ctx, id, state === "disabled" ? { enabled: false } : { enabled: true, mode: state });
}
