import { Transaction } from "@orylo/engine";
import type Stripe from "stripe";
import { addressKey } from "./address-key";
import { readBillingAddress, readCardDetails } from "./card-details";
import { ChargePayload, idOf } from "./charge-payload";
import { mergeMetadata, readSignalMetadata } from "./signal-metadata";

/** What Orylo knows about a charge beyond the charge itself. */
export interface ChargeContext {
  /** Metadata of the charge's PaymentIntent, merged from the PaymentIntent events stored so far. */
  paymentIntentMetadata?: Record<string, string>;
  /** The Stripe customer's email, when a `customer.*` event or an earlier payment told us. */
  customerEmail?: string | null;
}

/**
 * A charge as Stripe sends it, at any API version: today's typed `Stripe.Charge`, or the loose JSON of an event
 * rendered at an older version (no `payment_method_details`, no `status`, ...). It is validated, not trusted.
 */
export type ChargeInput = Stripe.Charge | Record<string, unknown>;

/**
 * One charge → one `Transaction`, every fraud signal the charge carries and nothing guessed (missing is
 * `null`). Pure: the caller looks up the pending PaymentIntent and the customer. Throws a ZodError on a
 * payload it cannot read, which the event pipeline treats as poison.
 */
export function normalizeCharge(input: ChargeInput, context: ChargeContext = {}): Transaction {
  const charge = ChargePayload.parse(input);
  const paymentIntentMetadata = context.paymentIntentMetadata ?? {};
  const status = chargeStatus(charge);
  const billing = readBillingAddress(charge);
  const shipping = charge.shipping?.address ?? null;
  return Transaction.parse({
    chargeId: charge.id,
    paymentIntentId: idOf(charge.payment_intent),
    createdAt: new Date(charge.created * 1000),
    livemode: charge.livemode,
    amount: charge.amount,
    currency: charge.currency.toLowerCase(),
    status,
    captured: charge.captured ?? false,
    failureCode: charge.failure_code ?? null,
    // On an authorized charge `outcome.reason` explains a review (`elevated_risk_level`), not a decline.
    declineCode: status === "failed" ? (charge.outcome?.reason ?? charge.failure_code ?? null) : null,
    outcomeType: charge.outcome?.type ?? null,
    networkStatus: charge.outcome?.network_status ?? null,
    radarRiskLevel: charge.outcome?.risk_level ?? null,
    radarRiskScore: charge.outcome?.risk_score ?? null,
    ...readCardDetails(charge),
    customerId: idOf(charge.customer),
    email:
      normalizeEmail(charge.billing_details?.email) ??
      normalizeEmail(charge.receipt_email) ??
      normalizeEmail(context.customerEmail),
    billingCountry: nonBlank(billing?.country),
    billingAddressKey: addressKey(billing),
    shippingCountry: nonBlank(shipping?.country),
    shippingAddressKey: addressKey(shipping),
    ...readSignalMetadata(charge.metadata, paymentIntentMetadata),
    metadata: mergeMetadata(charge.metadata, paymentIntentMetadata),
  });
}

/** Charges rendered before `status` existed say it with `paid` and `failure_code`. */
function chargeStatus(charge: ChargePayload): Transaction["status"] {
  if (charge.status) return charge.status;
  if (charge.paid) return "succeeded";
  return charge.failure_code ? "failed" : "pending";
}

/** Lowercased and trimmed, so one shopper's `Ann@X.com ` and `ann@x.com` count as one email in velocity. */
function normalizeEmail(email: string | null | undefined): string | null {
  return nonBlank(email)?.toLowerCase() ?? null;
}

function nonBlank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
