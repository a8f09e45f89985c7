import type { ActionSettings } from "../organizations/organization-settings";
import type { StripeActionKind } from "./stripe-action-spec";

/** What a blocked payment looks like when Orylo decides how to undo it. */
export interface BlockedPayment {
  chargeId: string | null;
  paymentIntentId: string | null;
  status: "succeeded" | "failed" | "pending" | null;
  captured: boolean;
}

/**
 * The one action that undoes a blocked payment, if the organization switched it on: a captured charge is
 * refunded; a PaymentIntent not yet captured or confirmed (authorized, failed, pending, or scored before
 * confirmation) is canceled; an uncaptured charge without a PaymentIntent is refunded (which releases it).
 */
export function planBlockAction(
  payment: BlockedPayment,
  settings: ActionSettings,
): { kind: StripeActionKind; stripeObjectId: string } | null {
  const captured = payment.status === "succeeded" && payment.captured;
  if (captured && payment.chargeId) {
    return settings.refundOnBlock ? { kind: "refund_charge", stripeObjectId: payment.chargeId } : null;
  }
  if (payment.paymentIntentId) {
    return settings.cancelOnBlock
      ? { kind: "cancel_payment_intent", stripeObjectId: payment.paymentIntentId }
      : null;
  }
  if (payment.status === "succeeded" && payment.chargeId) {
    return settings.refundOnBlock ? { kind: "refund_charge", stripeObjectId: payment.chargeId } : null;
  }
  return null;
}
