import { index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";
import { customers, transactions } from "./payments";

export const labelKind = pgEnum("label_kind", ["fraud", "legitimate"]);
export const labelSource = pgEnum("label_source", [
  "dispute",
  "early_fraud_warning",
  "refund",
  "review",
  "merchant",
]);

/**
 * What we learned about a payment after the fact, one row per source object (a dispute, a warning, a refund,
 * a review, or the merchant's own mark, keyed by the charge id): `(organization, source, stripe_object_id)` is
 * unique, so a redelivered webhook never doubles a label. `transaction_id` is null for a charge we never saw;
 * `charge_id` lets it be matched later. A cleared label (dispute won, merchant said legitimate) is kept.
 */
export const labels = pgTable(
  "labels",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    transactionId: text().references(() => transactions.id, { onDelete: "set null" }),
    chargeId: text(),
    kind: labelKind().notNull(),
    source: labelSource().notNull(),
    stripeObjectId: text().notNull(),
    reason: text(),
    createdAt: createdAt(),
    clearedAt: timestamptz(),
    clearedBy: text(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.source, t.stripeObjectId),
    index().on(t.organizationId, t.transactionId),
    index().on(t.organizationId, t.chargeId),
  ],
);

export const trustScoreReason = pgEnum("trust_score_reason", [
  "dispute",
  "early_fraud_warning",
  "blocked",
  "whitelisted",
  "settled_payment",
]);

/**
 * Every change of a customer's trust score, with the score it left. `dedupe_key` (e.g. `dispute:dp_…`,
 * `settled:2025-01-31`) makes an adjustment happen once however often its cause is delivered; null for
 * adjustments that may repeat (a merchant blocking twice).
 */
export const trustScoreEvents = pgTable(
  "trust_score_events",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    customerId: text()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    delta: integer().notNull(),
    scoreAfter: integer().notNull(),
    reason: trustScoreReason().notNull(),
    transactionId: text().references(() => transactions.id, { onDelete: "set null" }),
    dedupeKey: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.customerId, t.dedupeKey),
    index().on(t.organizationId, t.customerId, t.createdAt),
  ],
);
