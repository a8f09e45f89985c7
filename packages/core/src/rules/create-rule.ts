import { insertRule } from "@orylo/db";
import { generateId, type RuleOrigin, track } from "@orylo/platform";
import { recordAudit } from "../audit/record-audit";
import { describeActor, type OrgCtx } from "../context";
import { compileRuleOrThrow } from "./compile-rule-text";
import { type CreateRuleInput, type RuleView, toRuleView } from "./rule-schemas";

/**
 * Compiles the text (400 naming line, column and the nearest attribute) and saves the rule as version 1.
 * `origin` says where the text came from (the editor, a recommendation, a natural-language draft), for the
 * `rule_applied` event.
 */
export async function createRule(
  ctx: OrgCtx,
  input: CreateRuleInput,
  origin: RuleOrigin = "merchant",
): Promise<RuleView> {
  const compiled = compileRuleOrThrow(input.text);
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertRule(tx, {
      id: generateId("rule"),
      organizationId: ctx.organizationId,
      name: input.name ?? compiled.text,
      action: compiled.ast.action,
      text: compiled.text,
      ast: compiled.ast,
      priority: input.priority ?? 0,
      mode: input.mode ?? "enforced",
      enabled: input.enabled ?? true,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      createdBy: describeActor(ctx.actor),
    });
    // Not the text: a rule may quote an email or an IP, and the log outlives erasure.
    const data = { action: inserted.action, mode: inserted.mode };
    await recordAudit(ctx, { action: "rule.created", target: { type: "rule", id: inserted.id }, data }, tx);
    return inserted;
  });
  ctx.logger.info({ ruleId: row.id, action: row.action, mode: row.mode }, "rule created");
  if (row.enabled) track(ctx, "rule_applied", { rule_id: row.id, shadow: row.mode === "shadow", origin });
  return toRuleView(row);
}
