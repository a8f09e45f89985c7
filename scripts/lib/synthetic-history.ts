import type { Transaction } from "@orylo/engine";
import { logNormal, pick, randomToken, seededRandom } from "@orylo/testkit/scenarios";

export interface HistoryOptions {
  seed: number;
  count: number;
  end: Date;
  days?: number;
}

type Random = () => number;
const DAY_MS = 86_400_000;
const COUNTRIES = ["FR", "FR", "FR", "DE", "BE", "ES", "IT", "GB", "US"] as const;
const DOMAINS = ["gmail.com", "orange.fr", "outlook.com", "free.fr", "yahoo.fr", "proton.me"] as const;
const DECLINES = ["insufficient_funds", "do_not_honor", "generic_decline", "incorrect_cvc", "expired_card"];

interface Shopper {
  card: string;
  brand: string;
  country: string;
  email: string;
  customerId: string | null;
  deviceId: string | null;
  homeIp: string;
}

function ip(random: Random): string {
  const octet = () => Math.floor(random() * 254) + 1;
  return `${20 + Math.floor(random() * 200)}.${octet()}.${octet()}.${octet()}`;
}

/**
 * A merchant's stored history, in time order (second resolution, so some payments share a second): pools
 * of shoppers (a card, an email, often a customer id and a device, a home IP shared by a few households)
 * with skewed popularity — most buy once or twice, a few dozens of times —, shared mobile-carrier IPs,
 * ~4 % issuer declines, 2 % USD, and ~1 % card testing from a handful of IPs trying fresh cards.
 */
export function* syntheticHistory({ seed, count, end, days = 90 }: HistoryOptions): Generator<Transaction> {
  const random = seededRandom(seed);
  const shopperCount = Math.max(50, Math.floor(count / 4));
  const householdIps = Array.from({ length: Math.ceil(shopperCount / 1.5) }, () => ip(random));
  const carrierIps = Array.from({ length: 200 }, () => ip(random));
  const testerIps = Array.from({ length: 20 }, () => ip(random));
  const shoppers: Shopper[] = Array.from({ length: shopperCount }, (_, index) => ({
    card: `fp_${randomToken(random, 14)}`,
    brand: pick(random, ["visa", "visa", "mastercard", "amex"]),
    country: pick(random, COUNTRIES),
    email: `shopper${index}.${randomToken(random, 4).toLowerCase()}@${pick(random, DOMAINS)}`,
    customerId: random() < 0.6 ? `cus_${randomToken(random, 14)}` : null,
    deviceId: random() < 0.7 ? `dev_${randomToken(random, 12)}` : null,
    homeIp: pick(random, householdIps),
  }));
  const start = end.getTime() - days * DAY_MS;
  const step = (days * DAY_MS) / count;
  for (let index = 0; index < count; index++) {
    const at = new Date(Math.floor((start + index * step + random() * step) / 1000) * 1000);
    const sequence = `${seed}_${index}`;
    if (random() < 0.01) {
      yield cardTestingAttempt(random, sequence, at, pick(random, testerIps));
      continue;
    }
    const shopper = shoppers[Math.floor(shopperCount * random() ** 1.5)]!;
    const declined = random() < 0.04 ? pick(random, DECLINES) : null;
    yield base({
      sequence,
      at,
      amount: Math.max(100, Math.round(logNormal(random, 4_500, 0.9))),
      currency: random() < 0.02 ? "usd" : "eur",
      declined,
      card: shopper.card,
      brand: shopper.brand,
      country: shopper.country,
      email: shopper.email,
      customerId: shopper.customerId,
      deviceId: shopper.deviceId,
      ipAddress: random() < 0.75 ? shopper.homeIp : pick(random, carrierIps),
      radarRiskScore: Math.floor(random() * 40),
    });
  }
}

function cardTestingAttempt(random: Random, sequence: string, at: Date, ipAddress: string): Transaction {
  return base({
    sequence,
    at,
    amount: pick(random, [100, 100, 150, 200]),
    currency: "eur",
    declined: random() < 0.85 ? pick(random, ["card_declined", "incorrect_cvc", "expired_card"]) : null,
    card: `fp_${randomToken(random, 14)}`,
    brand: "visa",
    country: pick(random, ["US", "BR", "GB", "IN"]),
    email: random() < 0.5 ? null : `${randomToken(random, 8).toLowerCase()}@${pick(random, DOMAINS)}`,
    customerId: null,
    deviceId: null,
    ipAddress,
    radarRiskScore: 55 + Math.floor(random() * 20),
  });
}

interface Attempt {
  sequence: string;
  at: Date;
  amount: number;
  currency: string;
  declined: string | null;
  card: string;
  brand: string;
  country: string;
  email: string | null;
  customerId: string | null;
  deviceId: string | null;
  ipAddress: string;
  radarRiskScore: number;
}

function base(attempt: Attempt): Transaction {
  const failed = attempt.declined !== null;
  return {
    chargeId: `ch_bench_${attempt.sequence}`,
    paymentIntentId: `pi_bench_${attempt.sequence}`,
    createdAt: attempt.at,
    livemode: true,
    amount: attempt.amount,
    currency: attempt.currency,
    status: failed ? "failed" : "succeeded",
    captured: !failed,
    failureCode: failed ? "card_declined" : null,
    declineCode: attempt.declined,
    outcomeType: failed ? "issuer_declined" : "authorized",
    networkStatus: failed ? "declined_by_network" : "approved_by_network",
    radarRiskLevel: attempt.radarRiskScore > 65 ? "elevated" : "normal",
    radarRiskScore: attempt.radarRiskScore,
    cardFingerprint: attempt.card,
    cardBrand: attempt.brand,
    cardFunding: "credit",
    cardCountry: attempt.country,
    cardIin: null,
    wallet: null,
    threeDSecureResult: null,
    cvcCheck: attempt.declined === "incorrect_cvc" ? "fail" : "pass",
    addressLine1Check: null,
    addressPostalCodeCheck: null,
    customerId: attempt.customerId,
    email: attempt.email,
    billingCountry: attempt.country,
    billingAddressKey: null,
    shippingCountry: null,
    shippingAddressKey: null,
    ipAddress: attempt.ipAddress,
    deviceId: attempt.deviceId,
    userAgent: null,
    metadata: {},
  };
}
