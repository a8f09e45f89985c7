import { type Random, randomToken } from "./random";

/** What a simulated payment attempt is: who pays, with which card, from where, and how the network answered. */
export interface SimulatedPayment {
  at: Date;
  amount: number;
  currency: string;
  card: { fingerprint: string; brand: string; funding: string; country: string; last4: string };
  email: string | null;
  customerId: string | null;
  ip: string;
  deviceId: string | null;
  billingCountry: string;
  outcome:
    | { kind: "authorized"; riskScore: number }
    | {
        kind: "declined";
        declineCode: DeclineCode;
      };
  cvcCheck: "pass" | "fail" | "unchecked";
  /** The issuer's postcode check; absent = not checked. */
  postalCodeCheck?: "pass" | "fail";
}

export type DeclineCode =
  | "insufficient_funds"
  | "incorrect_cvc"
  | "card_declined"
  | "expired_card"
  | "do_not_honor"
  | "generic_decline"
  | "incorrect_number";

/** Radar's level for its score, at Stripe's cut-offs (elevated from 65, highest from 75). */
function riskLevel(score: number): string {
  return score >= 75 ? "highest" : score > 65 ? "elevated" : "normal";
}

/** Stripe's `failure_code` for an issuer decline: the card-number and CVC codes stand alone, the rest are declines. */
function failureCode(declineCode: DeclineCode | null): string | null {
  if (declineCode === null) return null;
  return declineCode === "incorrect_cvc" ||
    declineCode === "incorrect_number" ||
    declineCode === "expired_card"
    ? declineCode
    : "card_declined";
}

/**
 * A `charge.succeeded` / `charge.failed` event as Stripe sends it at API version 2025-04-30.basil (the shape of
 * the real payload in testkit/fixtures/stripe/braze-docs), with fresh ids.
 */
export function chargeEvent(random: Random, payment: SimulatedPayment) {
  const created = Math.floor(payment.at.getTime() / 1000);
  const succeeded = payment.outcome.kind === "authorized";
  const declineCode = payment.outcome.kind === "declined" ? payment.outcome.declineCode : null;
  const charge = {
    id: `ch_sim${randomToken(random, 20)}`,
    object: "charge",
    amount: payment.amount,
    amount_captured: succeeded ? payment.amount : 0,
    amount_refunded: 0,
    billing_details: {
      address: {
        city: null,
        country: payment.billingCountry,
        line1: null,
        line2: null,
        postal_code: null,
        state: null,
      },
      email: payment.email,
      name: null,
      phone: null,
    },
    captured: succeeded,
    created,
    currency: payment.currency,
    customer: payment.customerId,
    failure_code: failureCode(declineCode),
    failure_message: declineCode ? "Your card was declined." : null,
    livemode: false,
    metadata: payment.deviceId
      ? { ip_address: payment.ip, device_id: payment.deviceId }
      : { ip_address: payment.ip },
    outcome: succeeded
      ? {
          advice_code: null,
          network_status: "approved_by_network",
          reason: null,
          risk_level: riskLevel(payment.outcome.kind === "authorized" ? payment.outcome.riskScore : 0),
          risk_score: payment.outcome.kind === "authorized" ? payment.outcome.riskScore : 0,
          seller_message: "Payment complete.",
          type: "authorized",
        }
      : {
          advice_code: "try_again_later",
          network_status: "declined_by_network",
          reason: declineCode,
          risk_level: "normal",
          risk_score: 40,
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        },
    paid: succeeded,
    payment_intent: `pi_sim${randomToken(random, 20)}`,
    payment_method: `pm_sim${randomToken(random, 20)}`,
    payment_method_details: {
      card: {
        brand: payment.card.brand,
        checks: {
          address_line1_check: null,
          address_postal_code_check: payment.postalCodeCheck ?? null,
          cvc_check: payment.cvcCheck,
        },
        country: payment.card.country,
        exp_month: 12,
        exp_year: 2030,
        fingerprint: payment.card.fingerprint,
        funding: payment.card.funding,
        last4: payment.card.last4,
        network: payment.card.brand,
        three_d_secure: null,
        wallet: null,
      },
      type: "card",
    },
    receipt_email: payment.email,
    refunded: false,
    status: succeeded ? "succeeded" : "failed",
  };
  return {
    id: `evt_sim${randomToken(random, 20)}`,
    object: "event",
    api_version: "2025-04-30.basil",
    created,
    data: { object: charge },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: succeeded ? "charge.succeeded" : "charge.failed",
  };
}

export type SimulatedEvent = ReturnType<typeof chargeEvent>;
