import { integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { alerts } from "./alerts";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";

/**
 * The summary of one card-testing incident, kept up to date while it lasts: one row per incident alert
 * (`alert_id` unique), so the alerts page shows what happened next to the alert that told the merchant.
 * Figures only: no card, email or IP (it is emailed and shown to every member).
 */
export const incidentSummaries = pgTable(
  "incident_summaries",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    alertId: text()
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    /** The first blocked attempt of the incident (the payment's own time). */
    startedAt: timestamptz().notNull(),
    lastSeenAt: timestamptz().notNull(),
    /** Payments scored since `started_at`, and how many of them were blocked. */
    attempts: integer().notNull(),
    blocked: integer().notNull(),
    distinctCards: integer().notNull(),
    /** Minor units by currency of the blocked attempts. */
    amountBlocked: jsonb().$type<Record<string, number>>().notNull(),
    suggestedRule: text().notNull(),
    suggestedRuleExpiresAt: timestamptz().notNull(),
    language: text().notNull(),
    text: text().notNull(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.alertId)],
);
