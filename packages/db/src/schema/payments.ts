import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";

/** A customer is its Stripe customer id, else a hash of its email (`customerKey`). */
export const customers = pgTable(
  "customers",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    customerKey: text().notNull(),
    stripeCustomerId: text(),
    email: text(),
    name: text(),
    livemode: boolean().notNull(),
    /** From `customer.created`: the account's age is a signal. */
    stripeCreatedAt: timestamptz(),
    trustScore: integer().notNull().default(50),
    firstSeenAt: timestamptz().notNull(),
    lastSeenAt: timestamptz().notNull(),
    deletedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.customerKey)],
);

/**
 * One row per charge (one payment attempt). `ingestSeq` orders payments that share a `createdAt` second,
 * so "earlier payments" is well defined for features and replays.
 */
export const transactions = pgTable(
  "transactions",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    ingestSeq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    chargeId: text().notNull(),
    paymentIntentId: text(),
    customerRef: text().references(() => customers.id, { onDelete: "set null" }),
    livemode: boolean().notNull(),
    createdAt: timestamptz().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    status: text({ enum: ["succeeded", "failed", "pending"] }).notNull(),
    captured: boolean().notNull(),
    failureCode: text(),
    declineCode: text(),
    outcomeType: text(),
    networkStatus: text(),
    radarRiskLevel: text(),
    radarRiskScore: real(),
    cardFingerprint: text(),
    cardBrand: text(),
    cardFunding: text(),
    cardCountry: text(),
    cardIin: text(),
    wallet: text(),
    threeDSecureResult: text(),
    cvcCheck: text(),
    addressLine1Check: text(),
    addressPostalCodeCheck: text(),
    customerId: text(),
    email: text(),
    billingCountry: text(),
    billingAddressKey: text(),
    shippingCountry: text(),
    shippingAddressKey: text(),
    ipAddress: text(),
    deviceId: text(),
    userAgent: text(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Imported history (backfill): feeds features and backtests, never scored. */
    isHistory: boolean().notNull().default(false),
    amountRefunded: bigint({ mode: "number" }).notNull().default(0),
    stripeEventId: text(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.chargeId),
    index().on(t.organizationId, t.createdAt),
    // The live-features merchant query (same-currency amounts over recent payments) reads this order.
    index().on(t.organizationId, t.currency, t.createdAt),
    index().on(t.organizationId, t.cardFingerprint, t.createdAt),
    // Covering: a carrier or office IP is shared by thousands of payments, and the live features read every
    // earlier one of them. With the columns their aggregates read in the index (trailing keys, which Drizzle
    // can express, instead of INCLUDE, which it cannot: same leaf entries, pivots truncated to what tells them
    // apart), that read is an index-only scan of a few dozen leaf pages instead of one heap page per payment
    // (docs/performance.md, "Live features").
    index("transactions_ip_address_covering_index").on(
      t.organizationId,
      t.ipAddress,
      t.createdAt,
      t.ingestSeq,
      t.status,
      t.outcomeType,
      t.cardFingerprint,
      t.email,
    ),
    index().on(t.organizationId, t.email, t.createdAt),
    index().on(t.organizationId, t.customerId, t.createdAt),
    // A customer's payments by its row (customers known only by their email's key): the detections filter.
    index().on(t.customerRef),
    index().on(t.organizationId, t.deviceId, t.createdAt),
    index().on(t.organizationId, t.billingAddressKey, t.createdAt),
    index().on(t.organizationId, t.shippingAddressKey, t.createdAt),
    index().on(t.organizationId, t.paymentIntentId),
    // The detections list's amount filter: a rare amount is found here instead of walking the newest detections.
    index().on(t.organizationId, t.amount),
  ],
);

/**
 * A PaymentIntent seen before its charge: its metadata (IP, device, user agent) merges into the charge
 * when it arrives, and a pre-payment evaluation (`POST /api/v1/evaluate`) links its charges to one detection.
 */
export const paymentIntents = pgTable(
  "payment_intents",
  {
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    paymentIntentId: text().notNull(),
    customerId: text(),
    amount: bigint({ mode: "number" }),
    currency: text(),
    status: text(),
    livemode: boolean().notNull(),
    metadata: jsonb().$type<Record<string, string>>().notNull().default({}),
    evaluationDetectionId: text(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.paymentIntentId)],
);
