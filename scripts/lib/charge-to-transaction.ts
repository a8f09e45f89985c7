import type { Transaction } from "@orylo/engine";
import type { SimulatedEvent } from "@orylo/testkit/scenarios";

/**
 * The `Transaction` the app would make of a simulated charge event (the fields `normalizeCharge` in core reads
 * from this payload shape), without going through the webhook: the engine benchmark starts from here.
 */
export function transactionOfEvent(event: SimulatedEvent): Transaction {
  const charge = event.data.object;
  const card = charge.payment_method_details.card;
  return {
    chargeId: charge.id,
    paymentIntentId: charge.payment_intent,
    createdAt: new Date(charge.created * 1000),
    livemode: charge.livemode,
    amount: charge.amount,
    currency: charge.currency,
    status: charge.status === "succeeded" ? "succeeded" : "failed",
    captured: charge.captured,
    failureCode: charge.failure_code,
    declineCode: charge.outcome.reason,
    outcomeType: charge.outcome.type,
    networkStatus: charge.outcome.network_status,
    radarRiskLevel: charge.outcome.risk_level,
    radarRiskScore: charge.outcome.risk_score,
    cardFingerprint: card.fingerprint,
    cardBrand: card.brand,
    cardFunding: card.funding,
    cardCountry: card.country,
    cardIin: null,
    wallet: null,
    threeDSecureResult: null,
    cvcCheck: card.checks.cvc_check,
    addressLine1Check: null,
    addressPostalCodeCheck: null,
    customerId: charge.customer,
    email: charge.billing_details.email,
    billingCountry: charge.billing_details.address.country,
    billingAddressKey: null,
    shippingCountry: null,
    shippingAddressKey: null,
    ipAddress: charge.metadata.ip_address,
    deviceId: charge.metadata.device_id,
    userAgent: null,
    metadata: charge.metadata,
  };
}
