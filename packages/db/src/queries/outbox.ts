import { and, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { taskOutbox } from "../schema";
import { compiledStatement } from "./compiled-statement";

export type OutboxTask = typeof taskOutbox.$inferSelect;
export type NewOutboxTask = Pick<
  typeof taskOutbox.$inferInsert,
  "organizationId" | "taskId" | "payload" | "dedupeKey" | "runAfter" | "priority"
>;

/** A failing task's error can be a whole stack or response body: keep enough to diagnose, not megabytes. */
const MAX_ERROR_LENGTH = 4000;

/**
 * Same transaction as the change that needs the work. A row whose `dedupeKey` is already queued is skipped
 * (a unique key, never SELECT-then-INSERT). Returns the rows actually inserted.
 */
export async function enqueueTasks(db: Executor, rows: NewOutboxTask[]): Promise<OutboxTask[]> {
  if (rows.length === 0) return [];
  return enqueueTasksInsert(db, rows);
}

/** The statement of `enqueueTasks` (rows not empty), unsent: `insertDetection` runs it with the detection's insert. */
export function enqueueTasksInsert(db: Executor, rows: NewOutboxTask[]) {
  return db.insert(taskOutbox).values(rows).onConflictDoNothing({ target: taskOutbox.dedupeKey }).returning();
}

const claimOrder = sql`${taskOutbox.runAfter} - ${taskOutbox.priority} * interval '1 second'`;

export interface ClaimOptions {
  limit: number;
  leaseMs: number;
  /** Defaults to the database's clock, which every relay on every machine shares. */
  now?: Date;
}

/**
 * Claims due tasks in one statement: pending ones whose time has come and running ones whose lease expired
 * (their relay died). SKIP LOCKED lets concurrent relays claim disjoint rows without waiting on each other.
 * Each claim counts as an attempt. Returned by `run_after - priority` (a priority of 60 jumps a minute of queue).
 */
export async function claimDueTasks(
  db: Executor,
  { limit, leaseMs, now }: ClaimOptions,
): Promise<OutboxTask[]> {
  const claimed = await claimStatement(db, { now: instant(now), limit, leaseMs });
  // RETURNING does not keep the subquery's order.
  const rank = (task: OutboxTask) => task.runAfter.getTime() - task.priority * 1000;
  return claimed.sort((a, b) => rank(a) - rank(b));
}

/**
 * Only a running task completes or fails, so a late relay cannot revive a task already finished or
 * dead-lettered. The relay completes a claimed batch's finished tasks in one statement. Returns how many
 * tasks it updated.
 */
export async function completeTasks(db: Executor, ids: string[], now?: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await completeStatement(db, { ids, now: instant(now) });
  return rows.length;
}

/** A running task back in line at `runAfter`, its claim's attempt given back (it did not fail: it was told to wait). */
export async function postponeTask(db: Executor, id: string, runAfter: Date): Promise<boolean> {
  const rows = await postponeStatement(db, { id, runAfter: runAfter.toISOString() });
  return rows.length > 0;
}

/** `retryAt` puts the task back in line at that time; `null` dead-letters it (it is never claimed again). */
export async function failTask(
  db: Executor,
  id: string,
  { error, retryAt }: { error: string; retryAt: Date | null },
): Promise<boolean> {
  const lastError = error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH)}…` : error;
  const rows = await failStatement(db, { id, lastError, runAfter: retryAt?.toISOString() ?? null });
  return rows.length > 0;
}

/*
 * The relay's statements, built once (compiled-statement.ts): it runs them for every task. The statuses are
 * written as literals, not parameters, so the generic plan PostgreSQL keeps for a named statement still sees
 * that the claim's conditions fall within the partial index `task_outbox_due_idx`. A null `now` is the
 * database's clock.
 */
const at = sql`coalesce(${sql.placeholder("now")}::timestamptz, now())`;
const running = sql`${taskOutbox.status} = 'running'`;
const claimStatement = compiledStatement("orylo_claim_tasks", (db) => {
  const due = db
    .select({ id: taskOutbox.id })
    .from(taskOutbox)
    .where(
      or(
        and(sql`${taskOutbox.status} = 'pending'`, lte(taskOutbox.runAfter, at)),
        and(running, lt(taskOutbox.leaseUntil, at)),
      ),
    )
    .orderBy(claimOrder)
    .limit(sql.placeholder("limit"))
    .for("update", { skipLocked: true });
  return db
    .update(taskOutbox)
    .set({
      status: sql`'running'`,
      leaseUntil: sql`${at} + ${sql.placeholder("leaseMs")} * interval '1 millisecond'`,
      attempts: sql`${taskOutbox.attempts} + 1`,
    })
    .where(inArray(taskOutbox.id, due))
    .returning();
});
const completeStatement = compiledStatement("orylo_complete_tasks", (db) =>
  db
    .update(taskOutbox)
    .set({ status: sql`'done'`, completedAt: at, leaseUntil: null })
    .where(and(sql`${taskOutbox.id} = any(${sql.placeholder("ids")}::uuid[])`, running))
    .returning({ id: taskOutbox.id }),
);
const postponeStatement = compiledStatement("orylo_postpone_task", (db) =>
  db
    .update(taskOutbox)
    .set({
      status: sql`'pending'`,
      runAfter: sql`${sql.placeholder("runAfter")}::timestamptz`,
      leaseUntil: null,
      attempts: sql`greatest(${taskOutbox.attempts} - 1, 0)`,
    })
    .where(and(eq(taskOutbox.id, sql.placeholder("id")), running))
    .returning({ id: taskOutbox.id }),
);
/** A null `runAfter` dead-letters the task. */
const failStatement = compiledStatement("orylo_fail_task", (db) => {
  const retryAt = sql`${sql.placeholder("runAfter")}::timestamptz`;
  return db
    .update(taskOutbox)
    .set({
      status: sql`case when ${retryAt} is null then 'dead'::task_status else 'pending'::task_status end`,
      runAfter: sql`coalesce(${retryAt}, ${taskOutbox.runAfter})`,
      lastError: sql`${sql.placeholder("lastError")}`,
      leaseUntil: null,
    })
    .where(and(eq(taskOutbox.id, sql.placeholder("id")), running))
    .returning({ id: taskOutbox.id });
});

/**
 * The outbox as the generic relay in packages/platform sees it (its `OutboxStore` interface, matched by
 * shape: this package knows nothing of the relay).
 */
export function createOutboxStore(db: Executor, options: { now?: () => Date } = {}) {
  return {
    enqueue: async (task: { taskId: string; payload: unknown; dedupeKey: string | null }) => {
      await enqueueTasks(db, [
        { taskId: task.taskId, payload: task.payload as Record<string, unknown>, dedupeKey: task.dedupeKey },
      ]);
    },
    claim: (limit: number, leaseMs: number) => claimDueTasks(db, { limit, leaseMs, now: options.now?.() }),
    complete: async (ids: string[]) => {
      await completeTasks(db, ids, options.now?.());
    },
    postpone: async (id: string, at: Date) => {
      await postponeTask(db, id, at);
    },
    fail: async (id: string, error: string, retryAt: Date | null) => {
      await failTask(db, id, { error, retryAt });
    },
  };
}

/** The value of the statements' `now` placeholder: null stands for the database's clock. */
function instant(now: Date | undefined): string | null {
  return now ? now.toISOString() : null;
}
