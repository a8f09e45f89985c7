import { listTaskRuns, taskOutbox } from "@orylo/db";
import { z } from "zod";
import type { Ctx } from "../context";
import { PageQueryFields, pageWindow, toPage } from "../pagination";

export const ListJobsQuery = z
  .object({
    status: z.enum(taskOutbox.status.enumValues).optional().meta({ description: "Only runs in this state." }),
    task: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Only runs of this task, e.g. `detection.explain`." }),
    ...PageQueryFields,
  })
  .strict();
export type ListJobsQuery = z.infer<typeof ListJobsQuery>;

export const JobRun = z.object({
  id: z.string(),
  task: z.string(),
  status: z.enum(taskOutbox.status.enumValues).meta({
    description: "pending (waiting for `runAfter`), running, done, dead (attempts spent: see `lastError`).",
  }),
  attempts: z.number().int(),
  priority: z.number().int(),
  lastError: z.string().nullable(),
  runAfter: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
});
export const JobList = z.object({ data: z.array(JobRun), nextCursor: z.string().nullable() });
export type JobList = z.infer<typeof JobList>;

/**
 * Background task runs from the outbox, newest first: what ran, how many attempts, the last error.
 * `organizationId` null (ops scripts only) lists every organization's and the platform's own runs.
 */
export async function listJobs(
  ctx: Ctx,
  organizationId: string | null,
  query: ListJobsQuery,
): Promise<JobList> {
  const rows = await listTaskRuns(ctx.db, organizationId, {
    status: query.status,
    taskId: query.task,
    ...pageWindow(query),
  });
  return toPage(rows, query.limit, (row) => ({
    id: row.id,
    task: row.taskId,
    status: row.status,
    attempts: row.attempts,
    priority: row.priority,
    lastError: row.lastError,
    runAfter: row.runAfter.toISOString(),
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  }));
}
