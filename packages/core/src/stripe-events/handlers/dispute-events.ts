import { z } from "zod";
import type { OrgCtx } from "../../context";
import { recordDispute } from "../../labels/record-dispute";
import type { EventHandlerInput } from "./event-handler";
import { StripeObjectRef, unlabelled } from "./stripe-object-ref";

export const StripeDispute = z.object({
  id: z.string().min(1),
  charge: StripeObjectRef,
  reason: z.string().min(1),
  status: z.string().min(1),
});

/** `charge.dispute.created|updated|closed`: labels, trust and repeat-disputer blacklisting (labels/record-dispute). */
export async function handleDisputeEvent(ctx: OrgCtx, { event }: EventHandlerInput): Promise<null> {
  const parsed = StripeDispute.safeParse(event.data.object);
  if (!parsed.success) return unlabelled(ctx, "dispute payload", parsed.error);
  const { id, charge, reason, status } = parsed.data;
  await recordDispute(ctx, { id, chargeId: charge, reason, status });
  return null;
}
