import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";

export const suggestionKind = pgEnum("suggestion_kind", ["whitelist", "blacklist"]);
export const suggestionStatus = pgEnum("suggestion_status", ["pending", "accepted", "edited", "rejected"]);

/**
 * Whitelist and blacklist suggestions written by `customers.suggest`, waiting for the merchant: accepting one
 * puts `value` on the allow or block list of its `subject` kind. One pending suggestion per value and kind.
 */
export const suggestions = pgTable(
  "suggestions",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    kind: suggestionKind().notNull(),
    /** `trusted_history`, `card_testing`, `repeated_disputes`, `fraud_label`. */
    signal: text().notNull(),
    /** The list kind of `value`: `customer` (a customer key) or `ip_address`. */
    subject: text().notNull(),
    value: text().notNull(),
    /** The counts the suggestion rests on (what the reasoning cites). */
    facts: jsonb().$type<Record<string, number>>().notNull(),
    confidence: real().notNull(),
    reasoning: text().notNull(),
    /** `llm` or `template`. */
    reasoningSource: text().notNull(),
    promptVersion: text().notNull(),
    status: suggestionStatus().notNull().default("pending"),
    decidedAt: timestamptz(),
    decidedBy: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("suggestions_pending_value")
      .on(t.organizationId, t.kind, t.subject, t.value)
      .where(sql`status = 'pending'`),
    index().on(t.organizationId, t.status, t.createdAt, t.id),
    index().on(t.organizationId, t.value),
  ],
);

/**
 * The confidence scale of each kind of AI proposal, recomputed daily by `feedback.analyze` from the feedback
 * ledger; `customers.suggest` multiplies its confidences by it.
 */
export const aiCalibrations = pgTable(
  "ai_calibrations",
  {
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    acceptanceRate: real().notNull(),
    scale: real().notNull(),
    sampleSize: integer().notNull(),
    computedAt: timestamptz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.kind] })],
);
