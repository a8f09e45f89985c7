import { asFreshEvent, loadStripeFixture, type StripeFixtureSource } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";
import { extractPaymentFromEvent } from "./extract-payment";
import { normalizeCharge } from "./normalize-charge";

/** Each fixture through a fresh event and the extractor, exactly as a webhook delivery would go. */
function normalizeFixture(source: StripeFixtureSource, file: string, object?: Record<string, unknown>) {
  const event = asFreshEvent(loadStripeFixture(source, file), object ? { object } : {});
  const { charges, paymentIntent } = extractPaymentFromEvent(event);
  expect(charges).toHaveLength(1);
  const transaction = normalizeCharge(charges[0]!, { paymentIntentMetadata: paymentIntent?.metadata ?? {} });
  return { event, transaction };
}

const noChecks = { cvcCheck: null, addressLine1Check: null, addressPostalCodeCheck: null };
const visaCreditUS = {
  cardBrand: "visa",
  cardFunding: "credit",
  cardCountry: "US",
  cardIin: null,
  wallet: null,
};
const authorized = { outcomeType: "authorized", networkStatus: "approved_by_network", declineCode: null };
const townsend = addressKey({ line1: "510 Townsend St", postal_code: "94103", country: "US" });

describe("normalizeCharge on ruby-mock events (API 2020-08-27)", () => {
  it("charge.succeeded: an authorized, captured card payment with its shipping address", () => {
    const { event, transaction } = normalizeFixture("ruby-mock", "charge.succeeded.json");
    expect(transaction).toEqual({
      chargeId: event.data.object.id,
      paymentIntentId: event.data.object.payment_intent,
      createdAt: new Date("2022-03-26T18:40:32.000Z"),
      livemode: false,
      amount: 2000,
      currency: "usd",
      status: "succeeded",
      captured: true,
      failureCode: null,
      ...authorized,
      radarRiskLevel: "normal",
      radarRiskScore: 2,
      cardFingerprint: "ZoVSX2dK5igWt2SB",
      ...visaCreditUS,
      threeDSecureResult: null,
      ...noChecks,
      customerId: null,
      email: null,
      billingCountry: null,
      billingAddressKey: null,
      shippingCountry: "US",
      shippingAddressKey: townsend,
      ipAddress: null,
      deviceId: null,
      userAgent: null,
      metadata: {},
    });
    expect(transaction.shippingAddressKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it("charge.failed: the issuer's decline reason becomes the decline code", () => {
    const { transaction } = normalizeFixture("ruby-mock", "charge.failed.json");
    expect(transaction).toMatchObject({
      amount: 2000,
      status: "failed",
      captured: false,
      failureCode: "card_declined",
      declineCode: "generic_decline",
      outcomeType: "issuer_declined",
      networkStatus: "declined_by_network",
      radarRiskLevel: "normal",
      radarRiskScore: 1,
      cardFingerprint: "kMzSwhaalD1uR96R",
      ...visaCreditUS,
    });
  });

  it.each([
    ["charge.captured.json", 64],
    ["charge.refunded.json", 52],
  ])("%s: a Charges API payment without a PaymentIntent", (file, riskScore) => {
    const { transaction } = normalizeFixture("ruby-mock", file);
    expect(transaction).toMatchObject({ amount: 100, currency: "usd", status: "succeeded", captured: true });
    expect(transaction).toMatchObject({ paymentIntentId: null, radarRiskScore: riskScore, ...authorized });
    expect(transaction.cardFingerprint).toBe("ZoVSX2dK5igWt2SB");
  });

  it("charge.updated from before payment_method_details: card facts come from the source card", () => {
    const { transaction } = normalizeFixture("ruby-mock", "charge.updated.json");
    expect(transaction).toMatchObject({
      amount: 1000,
      status: "succeeded",
      cardFingerprint: "wXWJT135mEK107G8",
      cardBrand: "visa",
      cardCountry: "US",
      cardFunding: null,
      customerId: "cus_00000000000000",
      outcomeType: null,
      radarRiskScore: null,
      createdAt: new Date(1380933505 * 1000),
    });
  });
});

describe("normalizeCharge on other sources", () => {
  it("braze-docs charge.succeeded at 2025-04-30.basil", () => {
    const { transaction } = normalizeFixture("braze-docs", "charge.succeeded_2025-04-30.basil.json");
    expect(transaction).toMatchObject({
      amount: 100,
      currency: "usd",
      status: "succeeded",
      captured: true,
      ...authorized,
      radarRiskLevel: "normal",
      radarRiskScore: 9,
      cardFingerprint: "HAKdyqJ9xh2YhbzT",
      ...visaCreditUS,
      cvcCheck: "pass",
      customerId: "cus_SOeDf39aosGb97",
      createdAt: new Date(1748465448 * 1000),
    });
    expect(transaction.paymentIntentId).toMatch(/^pi_[0-9a-f]{24}$/);
  });

  it("dj-stripe bare charge: the customer is kept; a name that looks like an email is not an email", () => {
    const { transaction } = normalizeFixture("dj-stripe", "charge_ch_fakefakefakefakefake0001.json");
    expect(transaction).toMatchObject({
      amount: 2000,
      cardFingerprint: "88PuXw9tEmvYe69o",
      ...visaCreditUS,
      customerId: "cus_6lsBvm5rJ0zyHc",
      email: null,
    });
    // The fixture stores its own id in metadata; the fresh id replaced it too.
    expect(transaction.metadata).toEqual({ djstripe_test_fake_id: transaction.chargeId });
  });

  it("stripe-java charge with a review: legacy source card, no risk score", () => {
    const { transaction } = normalizeFixture("stripe-java", "charge_with_review.json");
    expect(transaction).toMatchObject({
      amount: 1061,
      ...authorized,
      radarRiskLevel: "normal",
      radarRiskScore: null,
      cardFingerprint: null,
      ...visaCreditUS,
      ...noChecks,
    });
  });

  it("stripe-java outcome with an expanded Radar rule: a review is not a decline", () => {
    const outcome = loadStripeFixture("stripe-java", "charge_outcome_with_rule.json");
    const { transaction } = normalizeFixture("braze-docs", "charge.succeeded_2025-04-30.basil.json", {
      outcome,
    });
    expect(transaction).toMatchObject({
      status: "succeeded",
      outcomeType: "manual_review",
      radarRiskLevel: "elevated",
      radarRiskScore: null,
      declineCode: null,
    });
  });
});
