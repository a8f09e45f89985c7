import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { taskOutbox } from "../schema";

export type TaskRunStatus = (typeof taskOutbox.status.enumValues)[number];

export interface TaskRunFilters {
  status?: TaskRunStatus | undefined;
  taskId?: string | undefined;
  before?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

/**
 * Task runs as the outbox records them, newest first. `organizationId` null = every organization's and the
 * platform's own (ops, `bun run jobs --all`); a string = that organization's only.
 */
export async function listTaskRuns(db: Executor, organizationId: string | null, filters: TaskRunFilters) {
  const conditions: (SQL | undefined)[] = [];
  if (organizationId !== null) conditions.push(eq(taskOutbox.organizationId, organizationId));
  if (filters.status) conditions.push(eq(taskOutbox.status, filters.status));
  if (filters.taskId) conditions.push(eq(taskOutbox.taskId, filters.taskId));
  if (filters.before) {
    const { createdAt, id } = filters.before;
    conditions.push(
      or(
        lt(taskOutbox.createdAt, createdAt),
        and(eq(taskOutbox.createdAt, createdAt), lt(taskOutbox.id, id)),
      ),
    );
  }
  return db
    .select({
      id: taskOutbox.id,
      taskId: taskOutbox.taskId,
      organizationId: taskOutbox.organizationId,
      status: taskOutbox.status,
      attempts: taskOutbox.attempts,
      priority: taskOutbox.priority,
      lastError: taskOutbox.lastError,
      runAfter: taskOutbox.runAfter,
      createdAt: taskOutbox.createdAt,
      completedAt: taskOutbox.completedAt,
    })
    .from(taskOutbox)
    .where(and(...conditions))
    .orderBy(desc(taskOutbox.createdAt), desc(taskOutbox.id))
    .limit(filters.limit);
}
