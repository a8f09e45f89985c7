import { describe, expect, it } from "vitest";
import { at, declined, makeTransaction } from "../test-helpers/make-transaction";
import type { Transaction } from "../transaction";
import { FEATURE_NAMES, type FeatureVector } from "./catalogue";
import { StreamingFeatureEvaluator, streamFeatures } from "./stream";

/** Features of the last payment after the earlier ones were pushed in the order given. */
function featuresOfLast(transactions: Transaction[]): FeatureVector {
  let features: FeatureVector = {};
  for (const { features: vector } of streamFeatures(transactions)) features = vector;
  return features;
}

const shared = { ipAddress: "198.51.100.7", email: "a@example.com", customerId: "cus_a", deviceId: "dev_a" };
const card = { cardFingerprint: "fp_a" };

describe("StreamingFeatureEvaluator", () => {
  it("produces exactly the catalogue's names", () => {
    const features = featuresOfLast([makeTransaction()]);
    expect(Object.keys(features).sort()).toEqual([...FEATURE_NAMES].sort());
  });

  it.each<{
    name: string;
    earlier: Partial<Transaction>[];
    current: Partial<Transaction>;
    expected: FeatureVector;
  }>([
    {
      name: "first payment: counts are 0, rates and amount stats unknown",
      earlier: [],
      current: { ...shared, createdAt: at(0) },
      expected: {
        total_charges_per_ip_address_all_time: 0,
        card_count_for_email_daily: 0,
        merchant_charges_10m: 0,
        merchant_decline_rate_10m: null,
        merchant_amount_count_recent: 0,
        merchant_amount_mean_recent: null,
        merchant_amount_stddev_recent: null,
      },
    },
    {
      name: "a payment exactly on t − w is out of the window, 1 ms later it is in",
      earlier: [
        { ...shared, createdAt: at(-10) },
        { ...shared, createdAt: new Date(at(-10).getTime() + 1) },
      ],
      current: { ...shared, createdAt: at(0) },
      expected: {
        total_charges_per_ip_address_10m: 1,
        total_charges_per_ip_address_hourly: 2,
        merchant_charges_10m: 1,
      },
    },
    {
      name: "an earlier-fed payment with the same timestamp counts (t itself is in the window)",
      earlier: [{ ...shared, createdAt: at(0) }],
      current: { ...shared, createdAt: at(0) },
      expected: { total_charges_per_email_10m: 1, total_charges_per_customer_all_time: 1 },
    },
    {
      name: "authorized = succeeded, declined = failed, total counts pending too",
      earlier: [
        { ...shared, createdAt: at(-3) },
        { ...shared, ...declined("insufficient_funds"), createdAt: at(-2) },
        { ...shared, status: "pending", createdAt: at(-1) },
      ],
      current: { ...shared, createdAt: at(0) },
      expected: {
        total_charges_per_device_10m: 3,
        authorized_charges_per_device_10m: 1,
        declined_charges_per_device_10m: 1,
        merchant_declined_charges_10m: 1,
        merchant_decline_rate_10m: 1 / 3,
      },
    },
    {
      name: "a null entity makes that entity's features null, and nulls never match each other",
      earlier: [{ ...shared, email: null, deviceId: null, createdAt: at(-1) }],
      current: { ...shared, email: null, deviceId: null, createdAt: at(0) },
      expected: {
        total_charges_per_email_10m: null,
        declined_charges_per_email_all_time: null,
        card_count_for_email_hourly: null,
        total_charges_per_device_weekly: null,
        total_charges_per_ip_address_10m: 1,
      },
    },
    {
      name: "distinct cards: non-null fingerprints, each once, by the last time it was seen",
      earlier: [
        { ...shared, cardFingerprint: "fp_1", createdAt: at(-90) },
        { ...shared, cardFingerprint: "fp_2", createdAt: at(-80) },
        { ...shared, cardFingerprint: "fp_1", createdAt: at(-5) },
        { ...shared, cardFingerprint: null, createdAt: at(-4) },
        { ...shared, cardFingerprint: "fp_3", createdAt: at(-3) },
      ],
      current: { ...shared, cardFingerprint: null, createdAt: at(0) },
      expected: {
        card_count_for_ip_address_10m: 2,
        card_count_for_ip_address_hourly: 2,
        card_count_for_customer_daily: 3,
        card_count_for_email_all_time: 3,
        total_charges_per_card_number_10m: null,
      },
    },
    {
      name: "same amount means same amount and currency",
      earlier: [
        { amount: 100, currency: "eur", createdAt: at(-50) },
        { amount: 100, currency: "eur", createdAt: at(-5) },
        { amount: 100, currency: "usd", createdAt: at(-4) },
        { amount: 101, currency: "eur", createdAt: at(-3) },
      ],
      current: { amount: 100, currency: "eur", createdAt: at(0) },
      expected: {
        merchant_same_amount_charges_10m: 1,
        merchant_same_amount_charges_hourly: 2,
        merchant_charges_10m: 3,
      },
    },
    {
      name: "amount stats: same currency, (t − 30 days, t], any status, population stddev",
      earlier: [
        { amount: 999_999, createdAt: at(-30 * 24 * 60) },
        { amount: 1_000, createdAt: at(-30 * 24 * 60 + 1) },
        { amount: 3_000, ...declined("generic_decline"), createdAt: at(-60) },
        { amount: 777, currency: "usd", createdAt: at(-1) },
      ],
      current: { amount: 50, createdAt: at(0) },
      expected: {
        merchant_amount_count_recent: 2,
        merchant_amount_mean_recent: 2_000,
        merchant_amount_stddev_recent: 1_000,
      },
    },
    {
      name: "amount stats: only the last 200 same-currency payments, latest by (created, arrival)",
      earlier: [
        ...Array.from({ length: 50 }, () => ({ amount: 999_999, createdAt: at(-120) })),
        ...Array.from({ length: 100 }, () => ({ amount: 1_000, createdAt: at(-60) })),
        ...Array.from({ length: 100 }, () => ({ amount: 3_000, createdAt: at(-60) })),
        { amount: 777, currency: "usd", createdAt: at(-1) },
      ],
      current: { amount: 50, createdAt: at(0) },
      expected: {
        merchant_amount_count_recent: 200,
        merchant_amount_mean_recent: 2_000,
        merchant_amount_stddev_recent: 1_000,
      },
    },
    {
      name: "all_time reaches past the weekly window",
      earlier: [
        { ...card, ...declined("do_not_honor"), createdAt: at(-60 * 24 * 60) },
        { ...card, createdAt: at(-1) },
      ],
      current: { ...card, createdAt: at(0) },
      expected: {
        total_charges_per_card_number_weekly: 1,
        total_charges_per_card_number_all_time: 2,
        declined_charges_per_card_number_all_time: 1,
      },
    },
  ])("$name", ({ earlier, current, expected }) => {
    const features = featuresOfLast([...earlier, current].map((fields) => makeTransaction(fields)));
    for (const [name, value] of Object.entries(expected)) {
      if (typeof value === "number") expect(features[name], name).toBeCloseTo(value, 9);
      else expect(features[name], name).toBe(value);
    }
  });

  it("refuses a payment older than the previous one", () => {
    const evaluator = new StreamingFeatureEvaluator();
    evaluator.push(makeTransaction({ createdAt: at(0) }));
    expect(() => evaluator.push(makeTransaction({ createdAt: at(-1) }))).toThrow(RangeError);
  });
});

describe("seconds_since_* (first seen)", () => {
  it("counts whole seconds from the first payment of the card and email, and the card's first authorization", () => {
    const features = featuresOfLast([
      makeTransaction({ ...card, email: "x@example.com", createdAt: at(0), ...declined("card_declined") }),
      // `at` is in minutes: 90 s, 100 s and 3 700.5 s after the first payment.
      makeTransaction({ ...card, email: "a@example.com", createdAt: at(1.5) }),
      makeTransaction({ ...card, email: "a@example.com", createdAt: at(100 / 60) }),
      makeTransaction({ ...card, email: "a@example.com", createdAt: at(3_700.5 / 60) }),
    ]);
    expect(features).toMatchObject({
      seconds_since_card_first_seen: 3_700,
      seconds_since_email_first_seen: 3_610,
      seconds_since_first_successful_auth_on_card: 3_610,
    });
  });

  it("is null for a card never seen, never authorized, or a payment without one", () => {
    expect(featuresOfLast([makeTransaction({ ...card, createdAt: at(0) })])).toMatchObject({
      seconds_since_card_first_seen: null,
      seconds_since_first_successful_auth_on_card: null,
    });
    const declinedOnly = featuresOfLast([
      makeTransaction({ ...card, createdAt: at(0), ...declined("card_declined") }),
      makeTransaction({ ...card, createdAt: at(5) }),
    ]);
    expect(declinedOnly).toMatchObject({
      seconds_since_card_first_seen: 300,
      seconds_since_first_successful_auth_on_card: null,
    });
    const noCard = featuresOfLast([
      makeTransaction({ ...card, createdAt: at(0) }),
      makeTransaction({ cardFingerprint: null, email: null, createdAt: at(5) }),
    ]);
    expect(noCard).toMatchObject({
      seconds_since_card_first_seen: null,
      seconds_since_email_first_seen: null,
    });
  });
});
