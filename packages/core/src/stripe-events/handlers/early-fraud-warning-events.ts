import { z } from "zod";
import type { OrgCtx } from "../../context";
import { recordEarlyFraudWarning } from "../../labels/record-early-fraud-warning";
import type { EventHandlerInput } from "./event-handler";
import { StripeObjectRef, unlabelled } from "./stripe-object-ref";

export const StripeEarlyFraudWarning = z.object({
  id: z.string().min(1),
  charge: StripeObjectRef,
  fraud_type: z.string().nullish(),
});

/** `radar.early_fraud_warning.created|updated`: a fraud label on the charge, and the customer's trust −30. */
export async function handleEarlyFraudWarningEvent(ctx: OrgCtx, { event }: EventHandlerInput): Promise<null> {
  const parsed = StripeEarlyFraudWarning.safeParse(event.data.object);
  if (!parsed.success) return unlabelled(ctx, "early fraud warning payload", parsed.error);
  const { id, charge, fraud_type } = parsed.data;
  await recordEarlyFraudWarning(ctx, { id, chargeId: charge, fraudType: fraud_type ?? null });
  return null;
}
