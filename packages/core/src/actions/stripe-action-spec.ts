import { stripeActionKind } from "@orylo/db";
import type Stripe from "stripe";
import { z } from "zod";

export const StripeActionKind = z.enum(stripeActionKind.enumValues);
export type StripeActionKind = z.infer<typeof StripeActionKind>;

/** Why Orylo acts: a blocked payment, a review closed in Orylo, an early fraud warning. */
export const ActionTrigger = z.enum(["block", "review_approved", "review_refunded", "early_fraud_warning"]);
export type ActionTrigger = z.infer<typeof ActionTrigger>;

/** One action to take on one Stripe object. */
export interface StripeActionSpec {
  kind: StripeActionKind;
  stripeObjectId: string;
  trigger: ActionTrigger;
  detectionId: string | null;
}

/** The parameters sent to Stripe. Refunds carry `metadata.orylo_action`, so they never count as fraud labels. */
export function actionRequest(spec: StripeActionSpec): Record<string, unknown> {
  const metadata = {
    orylo_action: spec.trigger,
    ...(spec.detectionId ? { orylo_detection_id: spec.detectionId } : {}),
  };
  switch (spec.kind) {
    case "cancel_payment_intent":
      return { cancellation_reason: "fraudulent" };
    case "refund_charge":
      return { charge: spec.stripeObjectId, reason: "fraudulent", metadata };
    case "approve_review":
      return {};
  }
}

/** What a dry run says it would have done, and what a success is called. */
export const ACTION_VERBS: Record<StripeActionKind, { wouldDo: string; done: string }> = {
  cancel_payment_intent: { wouldDo: "would_cancel", done: "canceled" },
  refund_charge: { wouldDo: "would_refund", done: "refunded" },
  approve_review: { wouldDo: "would_approve", done: "approved" },
};

/** Calls Stripe for one action; returns the ids Stripe answered with. */
export async function callStripe(
  stripe: Stripe,
  spec: StripeActionSpec,
  options: Stripe.RequestOptions,
): Promise<Record<string, string>> {
  const request = actionRequest(spec);
  switch (spec.kind) {
    case "cancel_payment_intent": {
      const intent = await stripe.paymentIntents.cancel(
        spec.stripeObjectId,
        request as Stripe.PaymentIntentCancelParams,
        options,
      );
      return { paymentIntentId: intent.id, requestId: intent.lastResponse.requestId };
    }
    case "refund_charge": {
      const refund = await stripe.refunds.create(request as Stripe.RefundCreateParams, options);
      return { refundId: refund.id, requestId: refund.lastResponse.requestId };
    }
    case "approve_review": {
      const review = await stripe.reviews.approve(spec.stripeObjectId, {}, options);
      return { reviewId: review.id, requestId: review.lastResponse.requestId };
    }
  }
}
