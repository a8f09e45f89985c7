import { type Executor, insertLabel, insertTransaction, schema } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import {
  FEATURE_NAMES,
  type FeatureOptions,
  type FeatureValue,
  type FeatureVector,
  StreamingFeatureEvaluator,
  type Transaction,
  WINDOWS,
} from "@orylo/engine";
import { OFFLINE_LOOKUPS } from "@orylo/platform";
import { pick, type Random, seededRandom } from "@orylo/testkit/scenarios";
import { expect } from "vitest";
import { computeLiveFeatures } from "../src/features/live-features";
import { generateHistoryFacts } from "./parity-history-facts";

/**
 * ARCHITECTURE §4: one feature definition, two evaluators written independently. `checkParity` feeds a
 * dense, in-order history to the SQL evaluator (live path) and to the streaming evaluator (backtests) and
 * requires identical vectors for every catalogue name; it runs on PGlite (live-features-parity.test.ts)
 * and on PostgreSQL (live-features.pg.test.ts).
 */

export const SEEDS = [1, 7, 42, 2024, 90210] as const;
const DAY = 86_400;
/** Every window edge a later payment can land on exactly: the catalogue's windows and the 30-day history. */
const EDGES_SECONDS: readonly number[] = [
  ...Object.values(WINDOWS).flatMap((seconds) => (seconds === null ? [] : [seconds])),
  30 * DAY,
];
const START = Date.UTC(2025, 2, 1, 12, 0, 0);
/** Floats (means, stddev, ratios) are compared within this relative tolerance; everything else exactly. */
const RELATIVE_TOLERANCE = 1e-9;
const FLOAT_FEATURE = /_(mean|stddev|rate)_/;

function pool(random: Random, prefix: string, nullShare: number): readonly (string | null)[] {
  const size = 3 + Math.floor(random() * 4);
  const values: (string | null)[] = Array.from({ length: size }, (_, i) => `${prefix}${i}`);
  // Nulls weigh in proportion: a pool of 4 values with one share of null is 20% missing.
  const nulls = Math.max(1, Math.round(size * nullShare));
  for (let i = 0; i < nulls; i++) values.push(null);
  return values;
}

/**
 * A dense history of `size` payments in createdAt order: bursts in the same second, short and long gaps,
 * and payments placed exactly one window after an earlier payment (t − w is then an edge, out of the window).
 */
export function generateHistory(seed: number, size: number): Transaction[] {
  const random = seededRandom(seed);
  const cards = pool(random, "fp_", 0.2);
  const ips = pool(random, "198.51.100.", 0.25);
  // Case variants are distinct values: both evaluators compare entity values exactly as given.
  const emails = [
    ...pool(random, "buyer", 0.2).map((e) => (e ? `${e}@example.com` : e)),
    "Buyer0@example.com",
  ];
  const customers = pool(random, "cus_", 0.4);
  const devices = pool(random, "dev_", 0.5);
  const amounts = [0, 50, 100, 100, 499, 1_999, 1_999, 25_000, 99_999_999];
  const currencies = ["eur", "eur", "usd"];
  const statuses = ["succeeded", "succeeded", "failed", "pending"] as const;

  const times: number[] = [];
  let now = START;
  for (let index = 0; index < size; index++) {
    const roll = random();
    if (index === 0) {
      // first payment at START
    } else if (roll < 0.3) {
      // same second as the previous payment
    } else if (roll < 0.55) {
      now += (1 + Math.floor(random() * 120)) * 1000;
    } else if (roll < 0.7) {
      now += (120 + Math.floor(random() * 6 * 3600)) * 1000;
    } else if (roll < 0.75) {
      now += (1 + Math.floor(random() * 3)) * DAY * 1000;
    } else {
      // Exactly on an edge: one window (or one window ± 1 s) after an earlier payment, never before `now`.
      const window = pick(random, EDGES_SECONDS) * 1000;
      const nudge = random() < 0.8 ? 0 : random() < 0.5 ? -1000 : 1000;
      const candidates = times.filter((time) => time + window + nudge >= now);
      if (candidates.length > 0) {
        // The earliest qualifying anchors land closest to `now`: the history stays dense around the edge.
        const anchor = candidates[Math.floor(random() * Math.min(candidates.length, 8))]!;
        now = anchor + window + nudge;
      }
    }
    times.push(now);
  }

  return times.map((time, index): Transaction => {
    const status = pick(random, statuses);
    const cardFingerprint = pick(random, cards);
    return {
      chargeId: `ch_parity_${seed}_${index}`,
      paymentIntentId: random() < 0.7 ? `pi_parity_${seed}_${index}` : null,
      createdAt: new Date(time),
      livemode: random() < 0.8,
      amount: pick(random, amounts),
      currency: pick(random, currencies),
      status,
      captured: status === "succeeded" && random() < 0.9,
      failureCode: status === "failed" ? "card_declined" : null,
      declineCode: status === "failed" ? pick(random, ["generic_decline", "insufficient_funds"]) : null,
      outcomeType:
        status === "failed"
          ? pick(random, ["issuer_declined", "blocked"])
          : status === "succeeded"
            ? "authorized"
            : null,
      networkStatus: status === "failed" ? "declined_by_network" : "approved_by_network",
      radarRiskLevel: pick(random, ["normal", "elevated", "highest", null]),
      radarRiskScore: random() < 0.8 ? Math.floor(random() * 100) : null,
      cardFingerprint,
      cardBrand: cardFingerprint ? pick(random, ["visa", "mastercard"]) : null,
      cardFunding: cardFingerprint ? pick(random, ["credit", "debit", "prepaid"]) : null,
      cardCountry: cardFingerprint ? pick(random, ["FR", "US", "DE"]) : null,
      cardIin: random() < 0.3 ? "424242" : null,
      wallet: random() < 0.2 ? "apple_pay" : null,
      threeDSecureResult: random() < 0.3 ? "authenticated" : null,
      cvcCheck: pick(random, ["pass", "fail", null]),
      addressLine1Check: pick(random, ["pass", "unchecked", null]),
      addressPostalCodeCheck: pick(random, ["pass", "fail", null]),
      customerId: pick(random, customers),
      email: pick(random, emails),
      billingCountry: pick(random, ["FR", "US", null]),
      billingAddressKey: random() < 0.5 ? `addr_${Math.floor(random() * 4)}` : null,
      shippingCountry: pick(random, ["FR", "US", null]),
      shippingAddressKey: random() < 0.3 ? `ship_${Math.floor(random() * 4)}` : null,
      ipAddress: pick(random, ips),
      deviceId: pick(random, devices),
      userAgent: random() < 0.6 ? "Mozilla/5.0 (parity test)" : null,
      metadata: random() < 0.2 ? { order: `o_${index}` } : {},
    };
  });
}

function sameValue(name: string, live: FeatureValue | undefined, streamed: FeatureValue | undefined) {
  if (Object.is(live, streamed)) return true;
  if (FLOAT_FEATURE.test(name) && typeof live === "number" && typeof streamed === "number") {
    const scale = Math.max(Math.abs(live), Math.abs(streamed));
    return Math.abs(live - streamed) <= RELATIVE_TOLERANCE * scale;
  }
  return false;
}

function firstMismatch(live: FeatureVector, streamed: FeatureVector): string | null {
  const names = new Set([...FEATURE_NAMES, ...Object.keys(live), ...Object.keys(streamed)]);
  for (const name of names) {
    if (!(name in live)) return `${name}: missing from the SQL vector (stream ${streamed[name]})`;
    if (!(name in streamed)) return `${name}: missing from the stream vector (SQL ${live[name]})`;
    if (!FEATURE_NAMES.includes(name)) return `${name}: not in the catalogue`;
    if (!sameValue(name, live[name], streamed[name]))
      return `${name}: SQL ${JSON.stringify(live[name])} ≠ stream ${JSON.stringify(streamed[name])}`;
  }
  return null;
}

function describePayment(payment: Transaction): string {
  const { chargeId, createdAt, status, amount, currency, cardFingerprint, ipAddress, email } = payment;
  return JSON.stringify({
    chargeId,
    createdAt: createdAt.toISOString(),
    status,
    amount,
    currency,
    cardFingerprint,
    ipAddress,
    email,
  });
}

/**
 * The amount history keeps the last 200 same-currency payments; these histories rarely reach that many, so
 * each seed also runs with a bound low enough to cut most histories, given to both evaluators.
 */
export const LOW_AMOUNT_HISTORY_LIMIT = 9;
/** Families that must be positive somewhere in every history, or their agreement proves little. */
const EXERCISED_FAMILIES = [
  "blocked_charges_per_",
  "total_charges_per_billing_address",
  "total_charges_per_shipping_address",
  "card_count_for_billing_address",
  "email_count_for_card",
  "email_count_for_ip",
  "dispute_count_on",
  "efw_count_on",
  "fraudulent_refund_count_on",
  "seconds_since_customer_was_created",
  "average_amount_successful_on_",
  "total_amount_charged_on_",
];

/**
 * Stores the history of `seed` payment by payment and checks each payment's live vector against the
 * stream's; returns how many payments it scored.
 */
export async function checkParity(
  db: Executor,
  { seed, limit }: { seed: number; limit: number | undefined },
): Promise<number> {
  // A zone with a half-hour offset, so local_hour cannot agree by accident with UTC.
  const options: FeatureOptions = {
    merchantAmountHistoryLimit: limit,
    timeZone: "Asia/Kolkata",
    lookups: OFFLINE_LOOKUPS,
  };
  const organization = await createTestOrganization(db);
  // A neighbour with the same entities, interleaved: the SQL side must never count it.
  const neighbour = await createTestOrganization(db);
  const size = 150 + Math.floor(seededRandom(seed * 31 + 1)() * 151);
  const history = generateHistory(seed, size);
  const customerIds = [...new Set(history.flatMap(({ customerId }) => (customerId ? [customerId] : [])))];
  const { labels, customers, facts } = generateHistoryFacts(seed, history, customerIds);
  const evaluator = new StreamingFeatureEvaluator(options, facts);
  let bounded = 0;
  const exercised = new Set<string>();
  for (const customer of customers) {
    await db
      .insert(schema.customers)
      .values({ ...customer, id: `${customer.id}_${organization.id}`, organizationId: organization.id });
    // The neighbour's customer of the same id was created long before: the SQL side must not read it.
    await db.insert(schema.customers).values({
      ...customer,
      id: `${customer.id}_${neighbour.id}`,
      organizationId: neighbour.id,
      stripeCreatedAt: new Date(START - 400 * DAY * 1000),
    });
  }

  for (const [index, payment] of history.entries()) {
    const stored = await insertTransaction(db, {
      id: `txn_parity_${organization.id}_${index}`,
      organizationId: organization.id,
      isHistory: index % 5 === 0,
      ...payment,
    });
    if (!stored) throw new Error(`seed ${seed}, index ${index}: ${payment.chargeId} was not inserted`);
    const neighbourId = `txn_parity_${neighbour.id}_${index}`;
    if (index % 3 === 0)
      await insertTransaction(db, { id: neighbourId, organizationId: neighbour.id, ...payment });
    for (const { row, linked } of labels.filter(({ paymentIndex }) => paymentIndex === index)) {
      await insertLabel(db, {
        ...row,
        id: `${row.id}_${organization.id}`,
        organizationId: organization.id,
        transactionId: linked ? stored.id : null,
        chargeId: linked ? row.chargeId : `${row.chargeId}_unseen`,
      });
      if (index % 3 === 0)
        await insertLabel(db, {
          ...row,
          id: `${row.id}_${neighbour.id}`,
          organizationId: neighbour.id,
          transactionId: neighbourId,
        });
    }

    const live = await computeLiveFeatures(db, organization.id, payment, stored.ingestSeq, options);
    const streamed = evaluator.push(payment);
    const mismatch = firstMismatch(live, streamed);
    if (mismatch !== null)
      expect.fail(
        `seed ${seed}, limit ${limit}, index ${index}/${size}, ${mismatch}\npayment ${describePayment(payment)}`,
      );
    if (limit !== undefined && streamed.merchant_amount_count_recent === limit) bounded += 1;
    for (const [name, value] of Object.entries(streamed))
      if (typeof value === "number" && value > 0)
        for (const family of EXERCISED_FAMILIES) if (name.startsWith(family)) exercised.add(family);
  }
  expect(EXERCISED_FAMILIES.filter((family) => !exercised.has(family))).toEqual([]);
  // The bound must actually cut histories, or this case proves nothing about it.
  if (limit !== undefined) expect(bounded, "payments whose amount history hit the limit").toBeGreaterThan(20);
  return history.length;
}
