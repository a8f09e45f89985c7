import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";
import { detections } from "./detections";

export const stripeActionKind = pgEnum("stripe_action_kind", [
  "cancel_payment_intent",
  "refund_charge",
  "approve_review",
  "radar_add",
  "radar_remove",
]);

/**
 * pending (claimed or waiting for a retry) → succeeded | dry_run (no Stripe credentials: recorded as "would …")
 * | skipped (nothing left to do: already refunded, not cancelable, actions switched off) | failed (Stripe
 * refused: missing permission, revoked key, unknown object).
 */
export const stripeActionStatus = pgEnum("stripe_action_status", [
  "pending",
  "succeeded",
  "dry_run",
  "skipped",
  "failed",
]);

/**
 * Every action Orylo takes (or would take) on Stripe, exactly once: `(organization, stripe_object_id, kind)`
 * is unique and taken with INSERT … ON CONFLICT before Stripe is called, because Stripe's own idempotency keys
 * expire after 24 hours. A run that finds the row pending and its lease expired (a crash, a transient error)
 * takes it over and retries with the same idempotency key.
 */
export const stripeActions = pgTable(
  "stripe_actions",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    detectionId: text().references(() => detections.id, { onDelete: "set null" }),
    kind: stripeActionKind().notNull(),
    /** The object acted on: `pi_…`, `ch_…`, `prv_…`; for Radar lists `<alias>:<value>:<list item id>`. */
    stripeObjectId: text().notNull(),
    /** Why Orylo acted: `block`, `review_approved`, `review_refunded`, `early_fraud_warning`. */
    trigger: text().notNull(),
    status: stripeActionStatus().notNull().default("pending"),
    /** A stable code for what happened (`refunded`, `already_refunded`, `missing_permission`, …). */
    outcome: text(),
    /** What the merchant is told, e.g. which permission to grant. */
    message: text(),
    /** The parameters sent (or that would have been sent) to Stripe. */
    request: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Ids Stripe answered with (`refundId`, `requestId`, …). */
    stripeIds: jsonb().$type<Record<string, string>>().notNull().default({}),
    dryRun: boolean().notNull().default(false),
    idempotencyKey: text().notNull(),
    attempts: integer().notNull().default(1),
    leaseUntil: timestamptz(),
    createdAt: createdAt(),
    completedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.stripeObjectId, t.kind),
    index().on(t.organizationId, t.detectionId),
    index().on(t.organizationId, t.createdAt),
  ],
);
