import type { Transaction } from "../transaction";

let sequence = 0;

/** A clean, succeeded card payment; tests override only what they are about. */
export function makeTransaction(overrides: Partial<Transaction> = {}): Transaction {
  sequence += 1;
  return {
    chargeId: `ch_test_${sequence}`,
    paymentIntentId: null,
    createdAt: new Date("2025-03-03T12:00:00Z"),
    livemode: true,
    amount: 5_000,
    currency: "eur",
    status: "succeeded",
    captured: true,
    failureCode: null,
    declineCode: null,
    outcomeType: "authorized",
    networkStatus: "approved_by_network",
    radarRiskLevel: "normal",
    radarRiskScore: 12,
    cardFingerprint: `fp_${sequence}`,
    cardBrand: "visa",
    cardFunding: "credit",
    cardCountry: "FR",
    cardIin: null,
    wallet: null,
    threeDSecureResult: null,
    cvcCheck: "pass",
    addressLine1Check: null,
    addressPostalCodeCheck: "pass",
    customerId: `cus_${sequence}`,
    email: `shopper${sequence}@example.com`,
    billingCountry: "FR",
    billingAddressKey: null,
    shippingCountry: "FR",
    shippingAddressKey: null,
    ipAddress: `203.0.113.${sequence % 250}`,
    deviceId: null,
    userAgent: null,
    metadata: {},
    ...overrides,
  };
}

/** A declined attempt: what Stripe reports for an issuer decline. */
export function declined(declineCode: string, overrides: Partial<Transaction> = {}): Partial<Transaction> {
  return {
    status: "failed",
    captured: false,
    failureCode: "card_declined",
    declineCode,
    outcomeType: "issuer_declined",
    networkStatus: "declined_by_network",
    ...overrides,
  };
}

/** Minutes after a base instant, for readable test timelines. */
export function at(minutes: number, base = "2025-03-03T12:00:00Z"): Date {
  return new Date(new Date(base).getTime() + minutes * 60_000);
}
