import { decideSuggestion, findSuggestion, type SuggestionRow } from "@orylo/db";
import { track } from "@orylo/platform";
import { recordAudit } from "../audit/record-audit";
import { describeActor, type OrgCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { recordAiFeedback } from "../feedback/record-ai-feedback";
import {
  type AddedListItem,
  ALLOW_FAMILY,
  addToSystemLists,
  BLOCK_FAMILY,
} from "../labels/system-block-lists";
import type { ListKind } from "../lists/list-schemas";
import { normalizeListValue } from "../lists/normalize-list-value";
import {
  EditSuggestionInput,
  RejectSuggestionInput,
  type SuggestionDecision,
  toSuggestionView,
} from "./suggestion-schemas";

type Decision =
  | { action: "accepted" }
  | { action: "edited"; value: string; expiresAt: Date | null; edits: EditSuggestionInput }
  | { action: "rejected"; reason: string };

const TRACKED_ACTION = { accepted: "accepted", edited: "modified", rejected: "rejected" } as const;

/**
 * One transaction: the pending suggestion is decided (a concurrent decision → 409), its value put on the allow
 * or block list through the system lists (source `suggestion`, trust score adjusted, Radar mirrored), the
 * merchant's answer written to the feedback ledger and the audit log. Then `ai_suggestion_action` is tracked.
 */
async function decide(ctx: OrgCtx, id: string, decision: Decision): Promise<SuggestionDecision> {
  const { row, added } = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const pending = await findSuggestion(tx, ctx.organizationId, id);
    if (!pending) throw new NotFoundError("suggestion", id);
    const decided = await decideSuggestion(tx, {
      organizationId: ctx.organizationId,
      id,
      status: decision.action,
      decidedBy: describeActor(ctx.actor),
      decidedAt: ctx.now(),
    });
    if (!decided)
      throw new ConflictError(`The suggestion is already ${pending.status}.`, { status: pending.status });
    const added = decision.action === "rejected" ? [] : await applySuggestion(txCtx, decided, decision);
    await recordAiFeedback(txCtx, {
      kind: decided.kind,
      proposalId: decided.id,
      action: decision.action,
      confidence: decided.confidence,
      promptVersion: decided.promptVersion,
      ...(decision.action === "rejected" ? { reason: decision.reason } : {}),
      ...(decision.action === "edited" ? { editedValue: decision.edits } : {}),
    });
    const data = {
      kind: decided.kind,
      signal: decided.signal,
      subject: decided.subject,
      added: added.length,
    };
    await recordAudit(
      ctx,
      { action: `suggestion.${decision.action}`, target: { type: "suggestion", id }, data },
      tx,
    );
    return { row: decided, added };
  });
  track(ctx, "ai_suggestion_action", { action: TRACKED_ACTION[decision.action], kind: row.kind });
  ctx.logger.info({ suggestionId: id, action: decision.action, added: added.length }, "suggestion decided");
  return { suggestion: toSuggestionView(row), listItem: added[0] ?? null };
}

function applySuggestion(ctx: OrgCtx, row: SuggestionRow, decision: Decision): Promise<AddedListItem[]> {
  const family = row.kind === "whitelist" ? ALLOW_FAMILY : BLOCK_FAMILY;
  const value = decision.action === "edited" ? decision.value : row.value;
  const expiresAt = decision.action === "edited" ? decision.expiresAt : null;
  return addToSystemLists(ctx, family, { [row.subject]: [value] }, "suggestion", { expiresAt });
}

/** Accept: the suggested value goes on the list as it was proposed. */
export async function acceptSuggestion(ctx: OrgCtx, id: string): Promise<SuggestionDecision> {
  return decide(ctx, id, { action: "accepted" });
}

/** Reject, with the reason the next calibration and the merchant's team read. */
export async function rejectSuggestion(
  ctx: OrgCtx,
  id: string,
  input: RejectSuggestionInput,
): Promise<SuggestionDecision> {
  const { reason } = RejectSuggestionInput.parse(input);
  return decide(ctx, id, { action: "rejected", reason });
}

/** Edit, then apply: a corrected value (checked for its list kind) and/or an expiry. */
export async function editSuggestion(
  ctx: OrgCtx,
  id: string,
  input: EditSuggestionInput,
): Promise<SuggestionDecision> {
  const edits = EditSuggestionInput.parse(input);
  const row = await findSuggestion(ctx.db, ctx.organizationId, id);
  if (!row) throw new NotFoundError("suggestion", id);
  const value = normalizeListValue(row.subject as ListKind, edits.value ?? row.value);
  const expiresAt = edits.expiresAt ? new Date(edits.expiresAt) : null;
  return decide(ctx, id, { action: "edited", value, expiresAt, edits });
}
