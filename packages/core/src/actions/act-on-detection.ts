import { findDetectionWithTransaction, type StripeActionRow } from "@orylo/db";
import type { OrgCtx } from "../context";
import { loadStoredSettings } from "../organizations/load-stored-settings";
import type { StripeAccess } from "../stripe/stripe-access";
import { performStripeAction } from "./perform-stripe-action";
import { planBlockAction } from "./plan-block-action";

/**
 * `detection.act` for a BLOCK: cancels or refunds the payment on Stripe, as the organization's switches
 * allow, read when the task runs (a switch turned off meanwhile wins). A detection that is gone, or no
 * longer a BLOCK, does nothing.
 */
export async function actOnDetection(
  ctx: OrgCtx,
  access: StripeAccess,
  { detectionId }: { detectionId: string },
): Promise<StripeActionRow | null> {
  const found = await findDetectionWithTransaction(ctx.db, ctx.organizationId, detectionId);
  if (found?.detection.decision !== "BLOCK") return null;
  const settings = await loadStoredSettings(ctx);
  const { detection, transaction } = found;
  const plan = planBlockAction(
    {
      chargeId: transaction?.chargeId ?? null,
      paymentIntentId: transaction?.paymentIntentId ?? detection.paymentIntentId,
      status: transaction?.status ?? null,
      captured: transaction?.captured ?? false,
    },
    settings.actions,
  );
  if (!plan) {
    ctx.logger.info({ detectionId }, "blocked payment: no action switched on for it");
    return null;
  }
  return performStripeAction(ctx, access, { ...plan, trigger: "block", detectionId });
}
