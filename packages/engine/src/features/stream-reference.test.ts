import { describe, expect, it } from "vitest";
import { randomFacts, randomTraffic } from "../test-helpers/random-history";
import type { Transaction } from "../transaction";
import {
  CARD_COUNT_ENTITIES,
  EMAIL_COUNT_ENTITIES,
  type FeatureVector,
  MERCHANT_AMOUNT_HISTORY_LIMIT,
  VELOCITY_ENTITIES,
  type VelocityEntity,
  WINDOWS,
} from "./catalogue";
import {
  AMOUNT_ENTITIES,
  AMOUNT_STATISTICS,
  type PaymentHistoryFacts,
  PRIOR_EVENT_KINDS,
  PRIOR_EVENT_WINDOWS,
  type PriorEvent,
  priorEventFeatures,
} from "./history-catalogue";
import { streamFeatures } from "./stream";

/** The definitions, written as naively as possible: a filter over every earlier payment. */
function referenceFeatures(
  earlier: Transaction[],
  current: Transaction,
  limit: number,
  facts: PaymentHistoryFacts,
): FeatureVector {
  const t = current.createdAt.getTime();
  const inWindow = (seconds: number | null) => (p: Transaction) =>
    seconds === null || p.createdAt.getTime() > t - seconds * 1000;
  const features: FeatureVector = {};
  for (const [entity, field] of Object.entries(VELOCITY_ENTITIES) as [VelocityEntity, keyof Transaction][]) {
    for (const [window, seconds] of Object.entries(WINDOWS)) {
      const value = current[field];
      const same = earlier.filter((p) => value !== null && p[field] === value).filter(inWindow(seconds));
      features[`total_charges_per_${entity}_${window}`] = value === null ? null : same.length;
      features[`authorized_charges_per_${entity}_${window}`] =
        value === null ? null : same.filter((p) => p.status === "succeeded").length;
      features[`declined_charges_per_${entity}_${window}`] =
        value === null ? null : same.filter((p) => p.status === "failed").length;
      features[`blocked_charges_per_${entity}_${window}`] =
        value === null ? null : same.filter((p) => p.outcomeType === "blocked").length;
      for (const [spelling, counted] of Object.entries(EMAIL_COUNT_ENTITIES))
        if (counted === entity)
          features[`email_count_for_${spelling}_${window}`] =
            value === null ? null : new Set(same.map((p) => p.email).filter((e) => e !== null)).size;
      if ((CARD_COUNT_ENTITIES as readonly string[]).includes(entity)) {
        const cards = new Set(same.map((p) => p.cardFingerprint).filter((fp) => fp !== null));
        features[`card_count_for_${entity}_${window}`] = value === null ? null : cards.size;
      }
    }
  }
  for (const window of ["10m", "hourly"] as const) {
    const charges = earlier.filter(inWindow(WINDOWS[window]));
    const declines = charges.filter((p) => p.status === "failed").length;
    features[`merchant_charges_${window}`] = charges.length;
    features[`merchant_declined_charges_${window}`] = declines;
    features[`merchant_decline_rate_${window}`] = charges.length === 0 ? null : declines / charges.length;
    features[`merchant_same_amount_charges_${window}`] = charges.filter(
      (p) => p.amount === current.amount && p.currency === current.currency,
    ).length;
  }
  for (const kind of PRIOR_EVENT_KINDS)
    for (const { entity, names } of priorEventFeatures(kind))
      for (const window of PRIOR_EVENT_WINDOWS) {
        const field = VELOCITY_ENTITIES[entity] as keyof PriorEvent;
        const value = current[VELOCITY_ENTITIES[entity]];
        const seconds = WINDOWS[window];
        features[names[window]] =
          value === null
            ? null
            : facts.events.filter(
                (event) =>
                  event.kind === kind &&
                  event[field] === value &&
                  event.at.getTime() < t &&
                  (seconds === null || event.at.getTime() > t - seconds * 1000),
              ).length;
      }
  const created = current.customerId ? facts.customerCreatedAt.get(current.customerId) : undefined;
  features.seconds_since_customer_was_created =
    created === undefined || created.getTime() > t ? null : Math.floor((t - created.getTime()) / 1000);
  for (const [spelling, entity] of Object.entries(AMOUNT_ENTITIES)) {
    const field = VELOCITY_ENTITIES[entity];
    for (const [statistic, { statistic: kind, status }] of Object.entries(AMOUNT_STATISTICS)) {
      const amounts = earlier
        .filter((p) => current[field] !== null && p[field] === current[field])
        .filter((p) => p.currency === current.currency && (status === null || p.status === status))
        .map((p) => p.amount);
      const sum = amounts.reduce((a, b) => a + b, 0);
      features[`${statistic}_on_${spelling}_all_time`] =
        current[field] === null
          ? null
          : kind === "total"
            ? sum
            : amounts.length
              ? sum / amounts.length
              : null;
    }
  }
  // `earlier` is in (created, arrival) order: the last `limit` are the latest.
  const amounts = earlier
    .filter(inWindow(30 * 86_400))
    .filter((p) => p.currency === current.currency)
    .map((p) => p.amount)
    .slice(-limit);
  const mean = amounts.length === 0 ? null : amounts.reduce((a, b) => a + b, 0) / amounts.length;
  features.merchant_amount_count_recent = amounts.length;
  features.merchant_amount_mean_recent = mean;
  features.merchant_amount_stddev_recent =
    mean === null ? null : Math.sqrt(amounts.reduce((a, b) => a + (b - mean) ** 2, 0) / amounts.length);
  return features;
}

/** Families whose values must be positive somewhere, or their agreement proves little. */
const NEW_FAMILIES = [
  "blocked_charges_per_billing_address",
  "total_charges_per_shipping_address",
  "card_count_for_billing_address",
  "email_count_for_card",
  "email_count_for_ip",
  "dispute_count_on",
  "efw_count_on",
  "fraudulent_refund_count_on",
  "seconds_since_customer_was_created",
  "average_amount_successful_on_customer",
  "total_amount_failed_on_card",
];

describe("streaming features agree with the naive definitions", () => {
  it.each([
    { seed: 1, count: 6_000, days: 40, limit: undefined },
    { seed: 2, count: 1_500, days: 2, limit: undefined },
    { seed: 3, count: 4_000, days: 120, limit: undefined },
    // Few payments a month: the 30-day bound and the count bound both cut the history.
    { seed: 4, count: 600, days: 200, limit: 7 },
  ])(
    "seed $seed: $count payments over $days days (amount history limit $limit)",
    ({ seed, count, days, limit }) => {
      const transactions = randomTraffic(seed, count, days);
      let index = 0;
      let bounded = 0;
      const exercised = new Set<string>();
      const options = { merchantAmountHistoryLimit: limit };
      const facts = randomFacts(seed, transactions);
      for (const { transaction, features } of streamFeatures(transactions, options, facts)) {
        if (index % 13 === 0) {
          const expected = referenceFeatures(
            transactions.slice(0, index),
            transaction,
            limit ?? MERCHANT_AMOUNT_HISTORY_LIMIT,
            facts,
          );
          if (expected.merchant_amount_count_recent === (limit ?? MERCHANT_AMOUNT_HISTORY_LIMIT))
            bounded += 1;
          for (const [name, value] of Object.entries(expected)) {
            if (typeof value === "number" && value > 0)
              for (const family of NEW_FAMILIES) if (name.startsWith(family)) exercised.add(family);
            if (typeof value === "number")
              expect(features[name], `${name} at #${index}`).toBeCloseTo(value, 6);
            else expect(features[name], `${name} at #${index}`).toBe(value);
          }
        }
        index += 1;
      }
      expect([...exercised].sort()).toEqual([...NEW_FAMILIES].sort());
      if (seed !== 3) expect(bounded, "payments whose amount history hit the limit").toBeGreaterThan(0);
    },
    // The naive reference is quadratic: slow on a loaded two-core machine.
    120_000,
  );
});
