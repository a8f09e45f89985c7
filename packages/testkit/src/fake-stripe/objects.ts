import { type StripeObject, stripeId } from "./store";

/** A charge as the API returns it, with what Orylo's actions and history import read. */
export function fakeCharge(overrides: Partial<StripeObject> = {}): StripeObject {
  const amount = Number(overrides.amount ?? 2000);
  return {
    id: stripeId("ch"),
    object: "charge",
    created: Math.floor(Date.now() / 1000),
    amount,
    amount_captured: overrides.captured === false ? 0 : amount,
    amount_refunded: 0,
    captured: true,
    currency: "eur",
    customer: null,
    disputed: false,
    livemode: false,
    metadata: {},
    paid: true,
    payment_intent: null,
    refunded: false,
    status: "succeeded",
    ...overrides,
  };
}

export function fakePaymentIntent(overrides: Partial<StripeObject> = {}): StripeObject {
  return {
    id: stripeId("pi"),
    object: "payment_intent",
    created: Math.floor(Date.now() / 1000),
    amount: 2000,
    currency: "eur",
    status: "requires_payment_method",
    latest_charge: null,
    livemode: false,
    metadata: {},
    ...overrides,
  };
}
