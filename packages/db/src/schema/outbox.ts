import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";

export const taskStatus = pgEnum("task_status", ["pending", "running", "done", "failed", "dead"]);

/**
 * Transactional outbox: a task row is written in the same transaction as the change that needs it; the relay
 * claims rows (FOR UPDATE SKIP LOCKED + lease) and runs them inline or forwards them to Trigger.dev with the
 * row id as idempotency key.
 */
export const taskOutbox = pgTable(
  "task_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: text().references(() => organization.id, { onDelete: "cascade" }),
    taskId: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Optional natural key (e.g. `detection.explain:det_…`) so the same work is never queued twice. */
    dedupeKey: text(),
    status: taskStatus().notNull().default("pending"),
    /** Seconds of queue time a row is worth: due rows are claimed by `run_after - priority`, earliest first. */
    priority: integer().notNull().default(0),
    attempts: integer().notNull().default(0),
    runAfter: timestamptz().notNull().defaultNow(),
    leaseUntil: timestamptz(),
    lastError: text(),
    createdAt: createdAt(),
    completedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex().on(t.dedupeKey),
    index("task_outbox_due_idx").on(t.runAfter).where(sql`${t.status} in ('pending', 'running')`),
  ],
);
