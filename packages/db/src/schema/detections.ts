import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt } from "./columns";
import { transactions } from "./payments";

export const decision = pgEnum("decision", ["ALLOW", "REVIEW", "BLOCK"]);

/**
 * The engine's verdict on one payment, with everything needed to explain and replay it: the trace
 * (each detector's contribution and evidence, rule hits), the feature vector and the versions.
 */
export const detections = pgTable(
  "detections",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    /** Unique: a charge is scored once. Null for a pre-payment evaluation not yet charged. */
    transactionId: text().references(() => transactions.id, { onDelete: "cascade" }),
    paymentIntentId: text(),
    source: text({ enum: ["webhook", "evaluate"] }).notNull(),
    livemode: boolean().notNull(),
    decision: decision().notNull(),
    riskScore: integer().notNull(),
    confidence: real().notNull(),
    trace: jsonb().$type<Record<string, unknown>>().notNull(),
    features: jsonb().$type<Record<string, unknown>>().notNull(),
    engineVersion: text().notNull(),
    rulesetVersion: text().notNull(),
    latencyMs: real().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.transactionId),
    index().on(t.organizationId, t.createdAt, t.id),
    index().on(t.organizationId, t.decision, t.createdAt),
  ],
);
