import { z } from "zod";
import { requestEarlyFraudWarningAction } from "../../actions/request-actions";
import type { OrgCtx } from "../../context";
import { recordEarlyFraudWarning } from "../../labels/record-early-fraud-warning";
import type { EventHandlerInput } from "./event-handler";
import { StripeObjectRef, unlabelled } from "./stripe-object-ref";

export const StripeEarlyFraudWarning = z.object({
  id: z.string().min(1),
  charge: StripeObjectRef,
  fraud_type: z.string().nullish(),
  /** False once the charge was refunded or disputed: nothing left to act on. */
  actionable: z.boolean().nullish(),
});

/**
 * `radar.early_fraud_warning.created|updated`: a fraud label on the charge, the customer's trust −30, and the
 * refund policy's task when the organization switched it on.
 */
export async function handleEarlyFraudWarningEvent(
  ctx: OrgCtx,
  { event, settings }: EventHandlerInput,
): Promise<null> {
  const parsed = StripeEarlyFraudWarning.safeParse(event.data.object);
  if (!parsed.success) return unlabelled(ctx, "early fraud warning payload", parsed.error);
  const { id, charge, fraud_type, actionable } = parsed.data;
  await recordEarlyFraudWarning(ctx, { id, chargeId: charge, fraudType: fraud_type ?? null });
  if (actionable !== false) await requestEarlyFraudWarningAction(ctx, { id, chargeId: charge }, settings);
  return null;
}
