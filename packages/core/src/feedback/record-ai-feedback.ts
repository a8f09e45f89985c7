import { type AiFeedbackRow, insertAiFeedback } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { describeActor, type OrgCtx } from "../context";
import { AiFeedbackInput } from "./ai-feedback-schemas";

/**
 * Stores one accept, reject or edit of an AI proposal in the feedback ledger. Call it with the context of
 * the transaction that applies (or discards) the proposal, so the ledger never records what did not happen.
 */
export async function recordAiFeedback(ctx: OrgCtx, input: AiFeedbackInput): Promise<AiFeedbackRow> {
  const parsed = AiFeedbackInput.parse(input);
  return insertAiFeedback(ctx.db, {
    id: generateId("aifb"),
    organizationId: ctx.organizationId,
    kind: parsed.kind,
    proposalId: parsed.proposalId,
    action: parsed.action,
    reason: parsed.reason ?? null,
    editedValue: parsed.editedValue ?? null,
    confidence: parsed.confidence ?? null,
    promptVersion: parsed.promptVersion,
    actor: describeActor(ctx.actor),
    createdAt: ctx.now(),
  });
}
