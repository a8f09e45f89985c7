import {
  insertTrustScoreEvent,
  lockCustomerTrustScore,
  setCustomerTrustScore,
  type TrustScoreReason,
} from "@orylo/db";
import { generateId } from "@orylo/platform";
import type { OrgCtx } from "../context";

/** SPEC §B: a new customer starts at 50; the score stays within 0–100. */
export const TRUST_SCORE = {
  initial: 50,
  min: 0,
  max: 100,
  dispute: -50,
  earlyFraudWarning: -30,
  blocked: -10,
  settledPayment: 5,
  whitelisted: 90,
} as const;

export interface TrustAdjustment {
  customerId: string;
  reason: TrustScoreReason;
  /** A change relative to the current score, or a score to set (whitelisting). */
  change: { delta: number } | { set: number };
  transactionId?: string | null;
  /** Makes the adjustment happen once per cause (`dispute:dp_…`); null adjusts every time. */
  dedupeKey?: string | null;
}

export interface TrustResult {
  applied: boolean;
  scoreAfter: number;
}

export function clampTrustScore(score: number): number {
  return Math.min(TRUST_SCORE.max, Math.max(TRUST_SCORE.min, Math.round(score)));
}

/**
 * Changes a customer's trust score and records the change (with the score it left) in its history. The
 * customer row is locked for the rest of the transaction, so concurrent events apply one after the other;
 * an adjustment whose dedupe key was recorded before changes nothing (`applied: false`). Even a change the
 * clamp makes zero is recorded: the history says what happened to the customer.
 */
export async function adjustTrustScore(ctx: OrgCtx, adjustment: TrustAdjustment): Promise<TrustResult> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockCustomerTrustScore(tx, ctx.organizationId, adjustment.customerId);
    if (before === undefined) return { applied: false, scoreAfter: TRUST_SCORE.initial };
    const { change } = adjustment;
    const after = clampTrustScore("set" in change ? change.set : before + change.delta);
    const event = await insertTrustScoreEvent(tx, {
      id: generateId("trust"),
      organizationId: ctx.organizationId,
      customerId: adjustment.customerId,
      delta: after - before,
      scoreAfter: after,
      reason: adjustment.reason,
      transactionId: adjustment.transactionId ?? null,
      dedupeKey: adjustment.dedupeKey ?? null,
      createdAt: ctx.now(),
    });
    if (!event) return { applied: false, scoreAfter: before };
    if (after !== before) {
      await setCustomerTrustScore(tx, {
        organizationId: ctx.organizationId,
        customerId: adjustment.customerId,
        trustScore: after,
      });
    }
    ctx.logger.info(
      { customerId: adjustment.customerId, reason: adjustment.reason, before, after },
      "trust score",
    );
    return { applied: true, scoreAfter: after };
  });
}

/**
 * The customer was put on a block list (by the merchant, a suggestion they accepted, or Orylo): −10, once per
 * `dedupeKey` (one per list), so re-adding the value does not cost it again.
 */
export function recordCustomerBlocked(
  ctx: OrgCtx,
  customerId: string,
  dedupeKey: string | null = null,
): Promise<TrustResult> {
  return adjustTrustScore(ctx, {
    customerId,
    reason: "blocked",
    change: { delta: TRUST_SCORE.blocked },
    dedupeKey,
  });
}

/** Whitelisting sets the score to 90, whatever it was. */
export function recordCustomerWhitelisted(ctx: OrgCtx, customerId: string): Promise<TrustResult> {
  return adjustTrustScore(ctx, {
    customerId,
    reason: "whitelisted",
    change: { set: TRUST_SCORE.whitelisted },
  });
}
