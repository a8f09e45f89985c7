import type { LabelTarget } from "@orylo/db";
import {
  clearFraudLabels,
  countTrustScoreEvents,
  findLabelTarget,
  selectCardsWithTrustEvents,
} from "@orylo/db";
import type { OrgCtx } from "../context";
import { adjustTrustScore, TRUST_SCORE } from "../trust/adjust-trust-score";
import { recordStripeFraudLabel } from "./record-stripe-label";
import { addToSystemBlockLists } from "./system-block-lists";

/** SPEC §B: a customer with this many disputes, of any reason, is blacklisted. */
export const DISPUTES_TO_BLACKLIST = 3;

export interface DisputeFacts {
  id: string;
  chargeId: string;
  reason: string;
  status: string;
}

/**
 * One state of a dispute (created, updated or closed). A `fraudulent` dispute is a fraud label; a dispute
 * won by the merchant clears its label. Every dispute, whatever its reason, costs its customer 50 trust once,
 * and the customer's third dispute puts their cards, email and customer id on the block lists.
 */
export async function recordDispute(ctx: OrgCtx, dispute: DisputeFacts): Promise<void> {
  const won = dispute.status === "won";
  const now = ctx.now();
  const target =
    dispute.reason === "fraudulent"
      ? (
          await recordStripeFraudLabel(ctx, {
            source: "dispute",
            stripeObjectId: dispute.id,
            chargeId: dispute.chargeId,
            reason: dispute.reason,
            clearedAt: won ? now : null,
          })
        ).target
      : await findLabelTarget(ctx.db, ctx.organizationId, { chargeId: dispute.chargeId });
  if (won) {
    await clearFraudLabels(ctx.db, {
      organizationId: ctx.organizationId,
      match: { source: "dispute", stripeObjectId: dispute.id },
      clearedAt: now,
      clearedBy: "stripe:dispute_won",
    });
  }
  if (!target?.customerRef) return;
  const { applied } = await adjustTrustScore(ctx, {
    customerId: target.customerRef,
    reason: "dispute",
    change: { delta: TRUST_SCORE.dispute },
    transactionId: target.id,
    dedupeKey: `dispute:${dispute.id}`,
  });
  if (applied) await blacklistRepeatDisputer(ctx, { ...target, customerRef: target.customerRef });
}

async function blacklistRepeatDisputer(ctx: OrgCtx, target: LabelTarget & { customerRef: string }) {
  const scope = {
    organizationId: ctx.organizationId,
    customerId: target.customerRef,
    reason: "dispute" as const,
  };
  const disputes = await countTrustScoreEvents(ctx.db, scope);
  if (disputes < DISPUTES_TO_BLACKLIST) return;
  const cards = await selectCardsWithTrustEvents(ctx.db, scope);
  const added = await addToSystemBlockLists(ctx, {
    card_fingerprint: cards,
    email: [target.email],
    customer: [target.customerId],
  });
  ctx.logger.info(
    { customerId: target.customerRef, disputes, added: added.length },
    "repeat disputer blacklisted",
  );
}
