import { findDetectionWithTransaction, listStripeEventsAbout, type StripeActionRow } from "@orylo/db";
import type { OrgCtx } from "../context";
import { loadStoredSettings } from "../organizations/load-stored-settings";
import type { StripeAccess } from "../stripe/stripe-access";
import { performStripeAction } from "./perform-stripe-action";

/**
 * `detection.act` after a review closed in Orylo: `refund` refunds the charge (which also closes Stripe's
 * review); `approve` approves the Radar review Stripe opened on the charge, if there is one.
 */
export async function actOnReview(
  ctx: OrgCtx,
  access: StripeAccess,
  { detectionId, outcome }: { detectionId: string; outcome: "approve" | "refund" },
): Promise<StripeActionRow | null> {
  const found = await findDetectionWithTransaction(ctx.db, ctx.organizationId, detectionId);
  const chargeId = found?.transaction?.chargeId;
  if (!chargeId) return null;
  if (!(await loadStoredSettings(ctx)).actions.closeReviews) return null;
  if (outcome === "refund") {
    if (found.transaction?.status !== "succeeded") return null;
    return performStripeAction(ctx, access, {
      kind: "refund_charge",
      stripeObjectId: chargeId,
      trigger: "review_refunded",
      detectionId,
    });
  }
  const events = await listStripeEventsAbout(ctx.db, ctx.organizationId, [chargeId]);
  const opened = events.findLast((event) => event.type === "review.opened");
  if (!opened?.objectId) return null;
  return performStripeAction(ctx, access, {
    kind: "approve_review",
    stripeObjectId: opened.objectId,
    trigger: "review_approved",
    detectionId,
  });
}
