import { findLabelTarget, insertLabel, type LabelSource, type LabelTarget } from "@orylo/db";
import { generateId } from "@orylo/platform";
import type { OrgCtx } from "../context";
import { type AddedListItem, addToSystemBlockLists } from "./system-block-lists";

export interface StripeFraudLabel {
  source: Exclude<LabelSource, "merchant">;
  /** The dispute, warning, refund or review: one label per object however often it is delivered. */
  stripeObjectId: string;
  chargeId: string;
  reason: string | null;
  /** Set when the label is cleared as it is first seen (a fraud dispute that arrives already won). */
  clearedAt?: Date | null;
}

/**
 * Records a fraud label from Stripe on the charge it concerns (null transaction when we never saw the
 * charge) and, the first time, puts the payment's card, email and device on the block lists.
 * Returns the payment, for callers that also move its customer's trust score.
 */
export async function recordStripeFraudLabel(
  ctx: OrgCtx,
  label: StripeFraudLabel,
): Promise<{ created: boolean; target: LabelTarget | undefined }> {
  const target = await findLabelTarget(ctx.db, ctx.organizationId, { chargeId: label.chargeId });
  const clearedAt = label.clearedAt ?? null;
  const inserted = await insertLabel(ctx.db, {
    id: generateId("label"),
    organizationId: ctx.organizationId,
    transactionId: target?.id ?? null,
    chargeId: label.chargeId,
    kind: "fraud",
    source: label.source,
    stripeObjectId: label.stripeObjectId,
    reason: label.reason,
    createdAt: ctx.now(),
    clearedAt,
    clearedBy: clearedAt ? "stripe:dispute_won" : null,
  });
  if (!inserted) return { created: false, target };
  ctx.logger.info(
    { source: label.source, stripeObjectId: label.stripeObjectId, transactionId: target?.id ?? null },
    "fraud label",
  );
  if (target && !clearedAt) await blockLabelledPayment(ctx, target);
  return { created: true, target };
}

/** SPEC §B: a fraud label puts the card, the email and the device on the block list. */
export function blockLabelledPayment(ctx: OrgCtx, target: LabelTarget): Promise<AddedListItem[]> {
  return addToSystemBlockLists(ctx, {
    card_fingerprint: [target.cardFingerprint],
    email: [target.email],
    device_id: [target.deviceId],
  });
}
