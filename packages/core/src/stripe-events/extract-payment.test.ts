import { asFreshEvent, loadOpenapiExample, loadStripeFixture } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { extractPaymentFromEvent } from "./extract-payment";
import { normalizeCharge } from "./normalize-charge";

const rubyMock = (file: string) => asFreshEvent(loadStripeFixture("ruby-mock", file));

/** A current-API PaymentIntent (openapi example) whose latest charge is the openapi example charge. */
function currentPaymentIntent(latestCharge: "expanded" | "id") {
  const pi = loadOpenapiExample("payment_intent");
  const charge: Record<string, unknown> = { ...loadOpenapiExample("charge"), payment_intent: pi.id };
  const latest_charge = latestCharge === "expanded" ? charge : charge.id;
  return asFreshEvent(pi, {
    type: "payment_intent.succeeded",
    object: { latest_charge, status: "succeeded" },
  });
}

describe("extractPaymentFromEvent", () => {
  it("a charge event carries its charge and no PaymentIntent facts", () => {
    const event = rubyMock("charge.succeeded.json");
    expect(extractPaymentFromEvent(event)).toEqual({ charges: [event.data.object], paymentIntent: null });
  });

  it("an old PaymentIntent event gives its one embedded charge, linked to it", () => {
    const event = rubyMock("payment_intent.succeeded.json");
    const { charges, paymentIntent } = extractPaymentFromEvent(event);
    expect(charges).toHaveLength(1);
    expect(paymentIntent).toEqual({
      id: event.data.object.id,
      customerId: null,
      amount: 2000,
      currency: "usd",
      status: "succeeded",
      metadata: {},
    });
    expect(normalizeCharge(charges[0]!)).toMatchObject({ paymentIntentId: paymentIntent?.id, amount: 2000 });
  });

  it("a new PaymentIntent event with an expanded latest_charge gives that one charge", () => {
    const event = currentPaymentIntent("expanded");
    const { charges, paymentIntent } = extractPaymentFromEvent(event);
    expect(charges).toHaveLength(1);
    expect(paymentIntent).toMatchObject({ id: event.data.object.id, amount: 1099, status: "succeeded" });
    expect(normalizeCharge(charges[0]!)).toMatchObject({
      paymentIntentId: paymentIntent?.id,
      amount: 100,
      wallet: "link",
      cardFingerprint: "AOB934RVNwzk6xtn",
    });
  });

  it("a latest_charge that is only an id is no charge to score yet", () => {
    const { charges, paymentIntent } = extractPaymentFromEvent(currentPaymentIntent("id"));
    expect(charges).toEqual([]);
    expect(paymentIntent?.status).toBe("succeeded");
  });

  it("gives each charge once when it is both embedded and the expanded latest_charge", () => {
    const pi = loadStripeFixture("dj-stripe", "payment_intent_pi_fakefakefakefakefake0001.json");
    const embedded = (pi.charges as { data: Record<string, unknown>[] }).data[0];
    const { charges } = extractPaymentFromEvent(asFreshEvent(pi, { object: { latest_charge: embedded } }));
    expect(charges).toHaveLength(1);
  });

  it.each([
    ["payment_intent.created.json", "requires_payment_method"],
    ["payment_intent.canceled.json", "canceled"],
  ])("%s: a PaymentIntent without a charge gives none, only its facts", (file, status) => {
    const { charges, paymentIntent } = extractPaymentFromEvent(rubyMock(file));
    expect(charges).toEqual([]);
    expect(paymentIntent).toMatchObject({ amount: 2000, currency: "usd", status });
  });

  it("the openapi PaymentIntent (latest_charge null) gives no charge", () => {
    const { charges } = extractPaymentFromEvent(asFreshEvent(loadOpenapiExample("payment_intent")));
    expect(charges).toEqual([]);
  });

  it.each([
    [
      "payment_intent.payment_failed.json",
      { status: "failed", declineCode: "generic_decline", captured: false },
    ],
    [
      "payment_intent.requires_action.json",
      { status: "failed", declineCode: "authentication_required", cardCountry: "IE", cvcCheck: "pass" },
    ],
    ["payment_intent.amount_capturable_updated.json", { status: "succeeded", captured: false }],
    [
      "payment_intent.processing.json",
      { status: "succeeded", amount: 900, currency: "eur", billingCountry: "DE" },
    ],
  ])("%s: its embedded charge normalizes", (file, expected) => {
    const { charges, paymentIntent } = extractPaymentFromEvent(rubyMock(file));
    expect(charges).toHaveLength(1);
    const transaction = normalizeCharge(charges[0]!, { paymentIntentMetadata: paymentIntent?.metadata });
    expect(transaction).toMatchObject({ ...expected, paymentIntentId: paymentIntent?.id });
  });

  it("the dj-stripe PaymentIntent: customer and metadata in its facts, its charge scored with them", () => {
    const event = asFreshEvent(
      loadStripeFixture("dj-stripe", "payment_intent_pi_fakefakefakefakefake0001.json"),
    );
    const { charges, paymentIntent } = extractPaymentFromEvent(event);
    expect(paymentIntent).toEqual({
      id: event.data.object.id,
      customerId: "cus_6lsBvm5rJ0zyHc",
      amount: 2000,
      currency: "usd",
      status: "succeeded",
      metadata: { djstripe_test_fake_id: event.data.object.id },
    });
    const transaction = normalizeCharge(charges[0]!, { paymentIntentMetadata: paymentIntent?.metadata });
    // Same key on both: the charge's own value wins.
    expect(transaction.metadata).toEqual({ djstripe_test_fake_id: transaction.chargeId });
    expect(transaction).toMatchObject({
      cardFingerprint: "88PuXw9tEmvYe69o",
      customerId: "cus_6lsBvm5rJ0zyHc",
    });
  });

  it("carries PaymentIntent metadata from the event to the charge's signals", () => {
    const pi = loadStripeFixture("ruby-mock", "payment_intent.succeeded.json");
    const event = asFreshEvent(pi, {
      object: { metadata: { client_ip: "198.51.100.4", device_id: "dev_1" } },
    });
    const { charges, paymentIntent } = extractPaymentFromEvent(event);
    const transaction = normalizeCharge(charges[0]!, { paymentIntentMetadata: paymentIntent?.metadata });
    expect(transaction).toMatchObject({ ipAddress: "198.51.100.4", deviceId: "dev_1", userAgent: null });
  });

  it.each([
    ["a dispute", { object: "dispute", id: "dp_1" }],
    ["a customer", { object: "customer", id: "cus_1" }],
    ["no object kind", {}],
  ])("%s carries no charge", (_name, object) => {
    expect(extractPaymentFromEvent({ type: "x", data: { object } })).toEqual({
      charges: [],
      paymentIntent: null,
    });
  });
});
