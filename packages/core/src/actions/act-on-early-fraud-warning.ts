import { findChargeForAction, type StripeActionRow } from "@orylo/db";
import type { OrgCtx } from "../context";
import { loadStoredSettings } from "../organizations/load-stored-settings";
import type { StripeAccess } from "../stripe/stripe-access";
import { performStripeAction } from "./perform-stripe-action";
import { planEarlyFraudWarning } from "./plan-early-fraud-warning";

/**
 * `detection.act` after an early fraud warning: refunds the charge when the policy says so (cheaper than a
 * dispute, or high risk). The refund shares its key with a refund on block: a charge is refunded once.
 */
export async function actOnEarlyFraudWarning(
  ctx: OrgCtx,
  access: StripeAccess,
  { chargeId }: { chargeId: string },
): Promise<StripeActionRow | null> {
  const charge = await findChargeForAction(ctx.db, ctx.organizationId, chargeId);
  if (charge?.status !== "succeeded" || !charge.captured) {
    ctx.logger.info(
      { chargeId },
      "early fraud warning on a charge not stored or not captured: nothing to refund",
    );
    return null;
  }
  const settings = await loadStoredSettings(ctx);
  const plan = planEarlyFraudWarning(charge, settings.actions, settings.engine);
  if (!plan.refund) return null;
  ctx.logger.info({ chargeId, reason: plan.reason }, "early fraud warning: refunding");
  return performStripeAction(ctx, access, {
    kind: "refund_charge",
    stripeObjectId: chargeId,
    trigger: "early_fraud_warning",
    detectionId: charge.detectionId,
  });
}
