import { RECOMMENDATION_PROMPT_VERSION } from "@orylo/ai";
import { decideRecommendation, findRecommendation } from "@orylo/db";
import { recordAudit } from "../audit/record-audit";
import { describeActor, type OrgCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { recordAiFeedback } from "../feedback/record-ai-feedback";
import { createRule } from "../rules/create-rule";
import {
  ApplyRecommendationInput,
  type RecommendationView,
  RejectRecommendationInput,
  toRecommendationView,
} from "./recommendation-schemas";

async function pendingRecommendation(ctx: OrgCtx, id: string) {
  const row = await findRecommendation(ctx.db, ctx.organizationId, id);
  if (!row) throw new NotFoundError("recommendation", id);
  if (row.status !== "pending")
    throw new ConflictError(`Recommendation ${id} was already ${row.status}.`, { status: row.status });
  return row;
}

/**
 * `POST /api/v1/recommendations/{id}/apply`: creates the rule through the rule use case (shadow by default,
 * so it is recorded on live traffic before it enforces anything; `text`: the merchant's edit instead), marks
 * the recommendation applied, and records it in the audit log and the AI feedback ledger (accepted or
 * edited), in one transaction.
 */
export async function applyRecommendation(
  ctx: OrgCtx,
  id: string,
  input: ApplyRecommendationInput,
): Promise<RecommendationView> {
  const { mode, expiresAt, text } = ApplyRecommendationInput.parse(input);
  const view = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await pendingRecommendation(txCtx, id);
    const rule = await createRule(
      txCtx,
      { text: text ?? row.text, mode, ...(expiresAt !== undefined ? { expiresAt } : {}) },
      "recommendation",
    );
    const decided = await decideRecommendation(
      tx,
      ctx.organizationId,
      id,
      { status: "applied", ruleId: rule.id, appliedMode: mode, decidedBy: describeActor(ctx.actor) },
      ctx.now(),
    );
    if (!decided) throw new ConflictError(`Recommendation ${id} was decided meanwhile.`);
    const edited = rule.text !== row.text;
    const data = { ruleId: rule.id, mode, pattern: row.pattern, edited };
    await recordAudit(
      txCtx,
      { action: "recommendation.applied", target: { type: "recommendation", id }, data },
      tx,
    );
    await recordAiFeedback(txCtx, {
      kind: "rule_recommendation",
      proposalId: id,
      promptVersion: RECOMMENDATION_PROMPT_VERSION,
      ...(edited ? { action: "edited", editedValue: { text: rule.text } } : { action: "accepted" }),
    });
    return toRecommendationView(decided);
  });
  ctx.logger.info({ recommendationId: id, ruleId: view.ruleId, mode }, "recommendation applied");
  return view;
}

/** `POST /api/v1/recommendations/{id}/reject`: with the merchant's reason; never proposed again. */
export async function rejectRecommendation(
  ctx: OrgCtx,
  id: string,
  input: RejectRecommendationInput,
): Promise<RecommendationView> {
  const { reason } = RejectRecommendationInput.parse(input);
  const view = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await pendingRecommendation(txCtx, id);
    const decided = await decideRecommendation(
      tx,
      ctx.organizationId,
      id,
      { status: "rejected", rejectReason: reason, decidedBy: describeActor(ctx.actor) },
      ctx.now(),
    );
    if (!decided) throw new ConflictError(`Recommendation ${id} was decided meanwhile.`);
    // The reason is the merchant's free text: kept on the row, not copied into the audit log.
    const data = { pattern: row.pattern };
    await recordAudit(
      txCtx,
      { action: "recommendation.rejected", target: { type: "recommendation", id }, data },
      tx,
    );
    await recordAiFeedback(txCtx, {
      kind: "rule_recommendation",
      proposalId: id,
      action: "rejected",
      reason,
      promptVersion: RECOMMENDATION_PROMPT_VERSION,
    });
    return toRecommendationView(decided);
  });
  ctx.logger.info({ recommendationId: id }, "recommendation rejected");
  return view;
}
