import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { timestamptz } from "./columns";

export const alertSeverity = pgEnum("alert_severity", ["info", "warning", "critical"]);
/** `pending`: `alerts.send` is queued; `emailed`: sent over SMTP; `stored`: no SMTP, shown in the dashboard. */
export const alertDelivery = pgEnum("alert_delivery", ["pending", "emailed", "stored"]);

/**
 * One row per incident: raising the same `dedupe_key` again while it is open counts a repeat instead of
 * alerting twice. `organization_id` null = an operator alert (the platform, not one merchant).
 * `dedupe_key` starts with the organization id (or `platform`), so it is unique across organizations.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: text().primaryKey(),
    organizationId: text().references(() => organization.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    severity: alertSeverity().notNull(),
    dedupeKey: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    count: integer().notNull().default(1),
    firstSeenAt: timestamptz().notNull().defaultNow(),
    lastSeenAt: timestamptz().notNull().defaultNow(),
    delivery: alertDelivery().notNull().default("pending"),
    notifiedAt: timestamptz(),
    resolvedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex("alerts_open_dedupe_key_idx").on(t.dedupeKey).where(sql`${t.resolvedAt} is null`),
    index().on(t.organizationId, t.lastSeenAt),
  ],
);
