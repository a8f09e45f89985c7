import { between } from "./identities";
import { type Random, randomToken } from "./random";
import type { SimulatedEvent } from "./stripe-charge";

const DAY = 86_400_000;

/**
 * A `charge.dispute.created` event for a charge, `reason: fraudulent` unless told otherwise, in the shape of
 * Stripe's own payload (testkit/fixtures/stripe/*\/charge.dispute.created.json).
 */
export function disputeEvent(random: Random, charge: SimulatedEvent["data"]["object"], at: Date) {
  const created = Math.floor(at.getTime() / 1000);
  return {
    id: `evt_sim${randomToken(random, 20)}`,
    object: "event",
    api_version: "2025-04-30.basil",
    created,
    data: {
      object: {
        id: `dp_sim${randomToken(random, 20)}`,
        object: "dispute",
        amount: charge.amount,
        charge: charge.id,
        created,
        currency: charge.currency,
        evidence_details: {
          due_by: created + 21 * 86_400,
          has_evidence: false,
          past_due: false,
          submission_count: 0,
        },
        is_charge_refundable: true,
        livemode: false,
        metadata: {},
        payment_intent: charge.payment_intent,
        reason: "fraudulent",
        status: "needs_response",
      },
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "charge.dispute.created",
  };
}

export type DisputeEvent = ReturnType<typeof disputeEvent>;

/**
 * The disputes cardholders open, 10 to 45 days after the charge, for about 85 % of the given succeeded charges
 * (the rest never notice); only those opened by `end`, in time order.
 */
export function fraudDisputes(random: Random, charges: readonly SimulatedEvent[], end: Date): DisputeEvent[] {
  return charges
    .filter((event) => event.type === "charge.succeeded" && random() < 0.85)
    .map((event) => {
      const at = new Date(event.created * 1000 + Math.round(between(random, 10, 45) * DAY));
      return disputeEvent(random, event.data.object, at);
    })
    .filter((dispute) => dispute.created * 1000 <= end.getTime())
    .sort((a, b) => a.created - b.created);
}
