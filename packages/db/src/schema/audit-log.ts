import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt } from "./columns";

/** Every merchant action and state-changing API call: who, what, on which object, from which request. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    actorType: text({ enum: ["user", "api_key", "webhook", "system"] }).notNull(),
    actorId: text().notNull(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    requestId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.organizationId, t.createdAt)],
);
