import { handleDeauthorizedEvent } from "./account-events";
import { handleCustomerEvent } from "./customer-events";
import { handleDisputeEvent } from "./dispute-events";
import { handleEarlyFraudWarningEvent } from "./early-fraud-warning-events";
import type { EventHandler } from "./event-handler";
import { handlePaymentEvent } from "./payment-events";
import { handleChargeRefundedEvent, handleRefundEvent } from "./refund-events";
import { handleReviewClosedEvent } from "./review-events";

/**
 * The event types Orylo acts on. Any other type is stored and acknowledged (`processed`, no detection):
 * Stripe may send it because the endpoint subscribes to everything.
 */
const HANDLERS: Record<string, EventHandler> = {
  "charge.succeeded": handlePaymentEvent,
  "charge.failed": handlePaymentEvent,
  "charge.pending": handlePaymentEvent,
  "charge.captured": handlePaymentEvent,
  "charge.refunded": handleChargeRefundedEvent,
  "charge.updated": handlePaymentEvent,
  "payment_intent.created": handlePaymentEvent,
  // An authorized, uncaptured charge: scoring it here is what lets a BLOCK cancel before capture.
  "payment_intent.amount_capturable_updated": handlePaymentEvent,
  "payment_intent.processing": handlePaymentEvent,
  "payment_intent.requires_action": handlePaymentEvent,
  "payment_intent.succeeded": handlePaymentEvent,
  "payment_intent.payment_failed": handlePaymentEvent,
  "payment_intent.canceled": handlePaymentEvent,
  "customer.created": handleCustomerEvent,
  "customer.updated": handleCustomerEvent,
  "customer.deleted": handleCustomerEvent,
  // Labels (ARCHITECTURE §3): what happened to a payment after the fact.
  "charge.dispute.created": handleDisputeEvent,
  "charge.dispute.updated": handleDisputeEvent,
  "charge.dispute.closed": handleDisputeEvent,
  "radar.early_fraud_warning.created": handleEarlyFraudWarningEvent,
  "radar.early_fraud_warning.updated": handleEarlyFraudWarningEvent,
  "refund.created": handleRefundEvent,
  "refund.updated": handleRefundEvent,
  "charge.refund.updated": handleRefundEvent,
  "review.closed": handleReviewClosedEvent,
  "account.application.deauthorized": handleDeauthorizedEvent,
};

/** What a merchant's own webhook endpoint subscribes to when Orylo creates it. */
export const HANDLED_EVENT_TYPES = Object.keys(HANDLERS);

export function handlerFor(eventType: string): EventHandler | undefined {
  return HANDLERS[eventType];
}
