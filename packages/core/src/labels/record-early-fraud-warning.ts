import type { OrgCtx } from "../context";
import { adjustTrustScore, TRUST_SCORE } from "../trust/adjust-trust-score";
import { recordStripeFraudLabel } from "./record-stripe-label";

/** An early fraud warning is a fraud label and costs its customer 30 trust, once per warning. */
export async function recordEarlyFraudWarning(
  ctx: OrgCtx,
  warning: { id: string; chargeId: string; fraudType: string | null },
): Promise<void> {
  const { target } = await recordStripeFraudLabel(ctx, {
    source: "early_fraud_warning",
    stripeObjectId: warning.id,
    chargeId: warning.chargeId,
    reason: warning.fraudType,
  });
  if (!target?.customerRef) return;
  await adjustTrustScore(ctx, {
    customerId: target.customerRef,
    reason: "early_fraud_warning",
    change: { delta: TRUST_SCORE.earlyFraudWarning },
    transactionId: target.id,
    dedupeKey: `early_fraud_warning:${warning.id}`,
  });
}
