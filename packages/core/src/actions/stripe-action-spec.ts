import { stripeActionKind } from "@orylo/db";
import type Stripe from "stripe";
import { z } from "zod";
import { addRadarItem, type RadarItem, removeRadarItem } from "./radar-value-lists";

export const StripeActionKind = z.enum(stripeActionKind.enumValues);
export type StripeActionKind = z.infer<typeof StripeActionKind>;

/** Why Orylo acts: a blocked payment, a review closed in Orylo, an early fraud warning, a list change. */
export const ActionTrigger = z.enum([
  "block",
  "review_approved",
  "review_refunded",
  "early_fraud_warning",
  "list_mirror",
]);
export type ActionTrigger = z.infer<typeof ActionTrigger>;

/** One action to take on one Stripe object. */
export interface StripeActionSpec {
  kind: StripeActionKind;
  stripeObjectId: string;
  trigger: ActionTrigger;
  detectionId: string | null;
  /** For `radar_add` / `radar_remove`: the value and the Radar value list it goes in. */
  radar?: RadarItem;
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
    case "radar_add":
    case "radar_remove":
      return { ...spec.radar };
  }
}

/** What a dry run says it would have done, and what a success is called. */
export const ACTION_VERBS: Record<StripeActionKind, { wouldDo: string; done: string }> = {
  cancel_payment_intent: { wouldDo: "would_cancel", done: "canceled" },
  refund_charge: { wouldDo: "would_refund", done: "refunded" },
  approve_review: { wouldDo: "would_approve", done: "approved" },
  radar_add: { wouldDo: "would_add_to_radar", done: "added_to_radar" },
  radar_remove: { wouldDo: "would_remove_from_radar", done: "removed_from_radar" },
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
    case "radar_add":
      return addRadarItem(stripe, radarItemOf(spec), options);
    case "radar_remove":
      return removeRadarItem(stripe, radarItemOf(spec), options);
  }
}

function radarItemOf(spec: StripeActionSpec): RadarItem {
  if (!spec.radar) throw new Error(`${spec.kind} ${spec.stripeObjectId} has no Radar item`);
  return spec.radar;
}
