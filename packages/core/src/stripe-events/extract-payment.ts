import type Stripe from "stripe";
import { z } from "zod";
import { idOf } from "./charge-payload";
import { PaymentIntentPayload } from "./payment-intent-payload";

/** What a PaymentIntent event tells about its payment, kept as the pending record its charges merge with. */
export interface PaymentIntentFacts {
  id: string;
  customerId: string | null;
  amount: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
}

export interface ExtractedPayment {
  /** Charges to store and (the first time each is seen) score; each is validated by `normalizeCharge`. */
  charges: Record<string, unknown>[];
  paymentIntent: PaymentIntentFacts | null;
}

/** Any event as delivered: the typed `Stripe.Event`, or a stored envelope whose object is still loose JSON. */
export type PaymentEventInput = Stripe.Event | { type: string; data: { object: unknown } };

const ObjectKind = z.looseObject({ object: z.string() });

/**
 * The charges an event carries and, for a PaymentIntent event, the PaymentIntent's facts. A `charge.*` event
 * carries its charge. A PaymentIntent event carries its charges in `charges.data[]` (API versions before
 * 2022-11-15) or as an expanded `latest_charge`; a `latest_charge` that is only an id means there is no
 * charge to score in this event (its own `charge.*` event brings it). Other objects (disputes, refunds,
 * customers) carry no charge to score.
 */
export function extractPaymentFromEvent(event: PaymentEventInput): ExtractedPayment {
  const object: unknown = event.data.object;
  const kind = ObjectKind.safeParse(object);
  if (!kind.success) return { charges: [], paymentIntent: null };
  if (kind.data.object === "charge") return { charges: [kind.data], paymentIntent: null };
  if (kind.data.object !== "payment_intent") return { charges: [], paymentIntent: null };

  const intent = PaymentIntentPayload.parse(object);
  return {
    charges: chargesOf(intent),
    paymentIntent: {
      id: intent.id,
      customerId: idOf(intent.customer),
      amount: intent.amount,
      currency: intent.currency.toLowerCase(),
      status: intent.status,
      metadata: intent.metadata,
    },
  };
}

function chargesOf(intent: PaymentIntentPayload): Record<string, unknown>[] {
  const embedded = intent.charges?.data ?? [];
  const latest =
    typeof intent.latest_charge === "object" && intent.latest_charge ? [intent.latest_charge] : [];
  // A payload may carry both (an expanded latest_charge is also in charges.data): each charge once.
  const seen = new Set<unknown>();
  const charges: Record<string, unknown>[] = [];
  for (const charge of [...embedded, ...latest]) {
    if (seen.has(charge.id)) continue;
    seen.add(charge.id);
    charges.push(charge);
  }
  return charges;
}
