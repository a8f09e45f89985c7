import { type DetectionSummary, upsertPaymentIntent } from "@orylo/db";
import type { OrgCtx } from "../../context";
import { ingestCharge } from "../../payments/ingest-charge";
import { extractPaymentFromEvent } from "../extract-payment";
import type { EventHandlerInput } from "./event-handler";

/**
 * `charge.*` and `payment_intent.*`: a PaymentIntent updates its pending record (its metadata will merge into
 * its charge); every charge the event carries is stored and, the first time, scored.
 */
export async function handlePaymentEvent(
  ctx: OrgCtx,
  { event, settings }: EventHandlerInput,
): Promise<DetectionSummary | null> {
  const { charges, paymentIntent } = extractPaymentFromEvent(event);
  if (paymentIntent) {
    await upsertPaymentIntent(ctx.db, {
      organizationId: ctx.organizationId,
      paymentIntentId: paymentIntent.id,
      customerId: paymentIntent.customerId,
      amount: paymentIntent.amount,
      currency: paymentIntent.currency,
      status: paymentIntent.status,
      livemode: event.livemode,
      metadata: paymentIntent.metadata,
    });
  }
  let detection: DetectionSummary | null = null;
  for (const charge of charges) {
    detection = (await ingestCharge(ctx, charge, { stripeEventId: event.id, settings })) ?? detection;
  }
  return detection;
}
