import { z } from "zod";
import type { OrgCtx } from "../../context";
import { recordStripeFraudLabel } from "../../labels/record-stripe-label";
import type { EventHandlerInput } from "./event-handler";
import { issuedByOrylo, StripeObjectRef, unlabelled } from "./stripe-object-ref";

const StripeReview = z.object({
  id: z.string().min(1),
  charge: StripeObjectRef.nullish(),
  reason: z.string().nullish(),
  closed_reason: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

/** `review.closed` as `refunded_as_fraud` (older API versions say it in `reason`, newer in `closed_reason`). */
export async function handleReviewClosedEvent(ctx: OrgCtx, { event }: EventHandlerInput): Promise<null> {
  const parsed = StripeReview.safeParse(event.data.object);
  if (!parsed.success) return unlabelled(ctx, "review payload", parsed.error);
  const review = parsed.data;
  const closedAs = review.closed_reason ?? review.reason;
  if (closedAs !== "refunded_as_fraud" || !review.charge || issuedByOrylo(review.metadata)) return null;
  await recordStripeFraudLabel(ctx, {
    source: "review",
    stripeObjectId: review.id,
    chargeId: review.charge,
    reason: closedAs,
  });
  return null;
}
