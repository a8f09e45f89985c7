import type { DetectionSummary } from "@orylo/db";
import { z } from "zod";
import type { OrgCtx } from "../../context";
import { recordStripeFraudLabel } from "../../labels/record-stripe-label";
import type { EventHandlerInput } from "./event-handler";
import { handlePaymentEvent } from "./payment-events";
import { issuedByOrylo, StripeObjectRef, unlabelled } from "./stripe-object-ref";

const StripeRefund = z.object({
  id: z.string().min(1),
  charge: StripeObjectRef.nullish(),
  reason: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
type StripeRefund = z.infer<typeof StripeRefund>;

/** Older API versions embed the charge's refunds (`refunds.data[]`); newer ones send `refund.*` events. */
const RefundedCharge = z.object({
  id: z.string().min(1),
  refunds: z.object({ data: z.array(StripeRefund) }).nullish(),
});

/** `refund.created|updated`, `charge.refund.updated`: a refund made as fraudulent by the merchant. */
export async function handleRefundEvent(ctx: OrgCtx, { event }: EventHandlerInput): Promise<null> {
  const parsed = StripeRefund.safeParse(event.data.object);
  if (!parsed.success) return unlabelled(ctx, "refund payload", parsed.error);
  await labelFraudulentRefund(ctx, parsed.data, parsed.data.charge ?? null);
  return null;
}

/** `charge.refunded`: the charge's state moves forward as for any `charge.*`, then its embedded refunds. */
export async function handleChargeRefundedEvent(
  ctx: OrgCtx,
  input: EventHandlerInput,
): Promise<DetectionSummary | null> {
  const detection = await handlePaymentEvent(ctx, input);
  const parsed = RefundedCharge.safeParse(input.event.data.object);
  if (!parsed.success) {
    unlabelled(ctx, "refunded charge payload", parsed.error);
    return detection;
  }
  for (const refund of parsed.data.refunds?.data ?? []) {
    await labelFraudulentRefund(ctx, refund, refund.charge ?? parsed.data.id);
  }
  return detection;
}

async function labelFraudulentRefund(ctx: OrgCtx, refund: StripeRefund, chargeId: string | null) {
  if (refund.reason !== "fraudulent" || !chargeId) return;
  if (issuedByOrylo(refund.metadata)) return;
  await recordStripeFraudLabel(ctx, {
    source: "refund",
    stripeObjectId: refund.id,
    chargeId,
    reason: refund.reason,
  });
}
