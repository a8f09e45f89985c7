import type { TaskDeps } from "@orylo/core";
import { type AnyTaskDescriptor, RetryLaterError, runDescriptor } from "@orylo/platform";
import { schedules, schemaTask, wait } from "@trigger.dev/sdk";
import { withTaskDeps } from "./task-deps";

function retryOptions(descriptor: AnyTaskDescriptor<TaskDeps>) {
  return {
    maxAttempts: descriptor.retry.maxAttempts,
    minTimeoutInMs: descriptor.retry.minDelayMs,
    maxTimeoutInMs: descriptor.retry.maxDelayMs,
    factor: descriptor.retry.factor ?? 2,
  };
}

/** A core task descriptor as a Trigger.dev `schemaTask`: same id, payload schema, retry policy and queue. */
export function toTriggerTask(descriptor: AnyTaskDescriptor<TaskDeps>) {
  return schemaTask({
    id: descriptor.id,
    schema: descriptor.payload,
    retry: retryOptions(descriptor),
    ...(descriptor.concurrency ? { concurrency: descriptor.concurrency } : {}),
    run: (payload) =>
      runWaitingWhenTold(() => withTaskDeps((deps) => runDescriptor(descriptor, deps, payload))),
  });
}

/**
 * A `RetryLaterError` (a rate limit) is a wait, not a failure: the run checkpoints until the time it names
 * (`wait.until` releases the worker) and tries again, without spending a retry attempt.
 */
async function runWaitingWhenTold<T>(run: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof RetryLaterError)) throw error;
      await wait.until({ date: error.at });
    }
  }
}

/** A scheduled core task as a Trigger.dev `schedules.task` on the descriptor's cron (UTC). */
export function toScheduledTriggerTask(descriptor: AnyTaskDescriptor<TaskDeps>) {
  if (!descriptor.cron) throw new Error(`${descriptor.id} has no cron`);
  return schedules.task({
    id: descriptor.id,
    cron: { pattern: descriptor.cron, timezone: "UTC" },
    retry: retryOptions(descriptor),
    run: (payload) =>
      withTaskDeps((deps) =>
        runDescriptor(descriptor, deps, { scheduledAt: payload.timestamp.toISOString() }),
      ),
  });
}
