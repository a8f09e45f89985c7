import { z } from "zod";
import type { Logger } from "../logger";
import type { ClaimedTask } from "./outbox-store";
import type { TaskOutcome } from "./relay-outbox";
import { RetryLaterError } from "./retry-later";
import { type AnyTaskDescriptor, retryDelayMs, runDescriptor } from "./task-descriptor";

/**
 * Runs one claimed task in this process (embedded mode): validates its payload with the descriptor's schema,
 * runs it, and turns a failure into a retry with backoff, or `dead` once its attempts are spent.
 * A payload that does not validate can never succeed: dead at once.
 */
export function runTaskInline<D>(
  registry: ReadonlyMap<string, AnyTaskDescriptor<D>>,
  deps: D,
  logger: Logger,
  now: () => Date = () => new Date(),
) {
  const limits = new Map<string, Semaphore>();
  const limitFor = (descriptor: AnyTaskDescriptor<D>) => {
    if (!descriptor.concurrency) return null;
    const limit = limits.get(descriptor.id) ?? semaphore(descriptor.concurrency.total);
    limits.set(descriptor.id, limit);
    return limit;
  };
  return async (task: ClaimedTask): Promise<TaskOutcome> => {
    // Bound into each line rather than a child logger per run: a child costs more than the one line it writes.
    const fields = { taskId: task.taskId, taskRunId: task.id, organizationId: task.organizationId };
    const descriptor = registry.get(task.taskId);
    if (!descriptor) return { kind: "dead", error: `no task is registered as ${task.taskId}` };
    const payload = descriptor.payload.safeParse(task.payload);
    if (!payload.success)
      return { kind: "dead", error: `invalid payload: ${z.prettifyError(payload.error)}` };
    const limit = limitFor(descriptor);
    await limit?.acquire();
    const startedAt = performance.now();
    try {
      await runDescriptor(descriptor, deps, payload.data, {
        "orylo.task_run_id": task.id,
        "orylo.attempt": task.attempts,
        "orylo.organization_id": task.organizationId ?? undefined,
      });
      logger.info({ ...fields, durationMs: Math.round(performance.now() - startedAt) }, "task done");
      return { kind: "done" };
    } catch (error) {
      if (error instanceof RetryLaterError) {
        logger.info({ ...fields, retryAt: error.at, reason: error.message }, "task postponed");
        return { kind: "postpone", reason: error.message, at: error.at };
      }
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (task.attempts >= descriptor.retry.maxAttempts) {
        logger.error({ ...fields, err: error, attempts: task.attempts }, "task failed for good");
        return { kind: "dead", error: message };
      }
      const at = new Date(now().getTime() + retryDelayMs(descriptor.retry, task.attempts));
      logger.warn({ ...fields, err: error, attempts: task.attempts, retryAt: at }, "task failed; will retry");
      return { kind: "retry", error: message, at };
    } finally {
      limit?.release();
    }
  };
}

interface Semaphore {
  acquire(): Promise<void>;
  release(): void;
}

/** A task's `concurrency.total` in this process (Trigger.dev enforces it across workers in its own mode). */
function semaphore(total: number): Semaphore {
  let free = total;
  const waiting: (() => void)[] = [];
  return {
    acquire: () =>
      free > 0 ? Promise.resolve(void free--) : new Promise<void>((resolve) => waiting.push(resolve)),
    release: () => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}
