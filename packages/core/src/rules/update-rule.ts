import { findRule, type RulePatch, updateRuleRow } from "@orylo/db";
import { track } from "@orylo/platform";
import { recordAudit } from "../audit/record-audit";
import { describeActor, type OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import { compileRuleOrThrow } from "./compile-rule-text";
import { type RuleView, toRuleView, type UpdateRuleInput } from "./rule-schemas";

/**
 * Saves a change as a new version (recompiling new text); another organization's rule is a 404. A change
 * that puts the rule to work — enabled again, or switched between shadow and enforced while enabled — is a
 * `rule_applied` product event, as saving a new enabled rule is.
 */
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
  const change = await ctx.db.transaction(async (tx) => {
    const before = await findRule(tx, ctx.organizationId, id);
    if (!before) return null;
    const updated = await updateRuleRow(tx, ctx.organizationId, id, patch, describeActor(ctx.actor));
    if (!updated) return null;
    const data = { version: updated.version, fields: Object.keys(patch) };
    await recordAudit(ctx, { action: "rule.updated", target: { type: "rule", id }, data }, tx);
    const applied = updated.enabled && (!before.enabled || before.mode !== updated.mode);
    return { row: updated, applied };
  });
  if (!change) throw new NotFoundError("rule", id);
  const { row, applied } = change;
  if (applied) track(ctx, "rule_applied", { rule_id: id, shadow: row.mode === "shadow", origin: "merchant" });
  ctx.logger.info({ ruleId: id, version: row.version, fields: Object.keys(patch) }, "rule updated");
  return toRuleView(row);
}

export type RuleState = "enforced" | "shadow" | "disabled";

/** Enable (enforced), shadow (recorded, never enforced) or disable a rule; each is a new version. */
export async function setRuleMode(ctx: OrgCtx, id: string, state: RuleState): Promise<RuleView> {
  return updateRule(ctx, id, state === "disabled" ? { enabled: false } : { enabled: true, mode: state });
}
