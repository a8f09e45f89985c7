import type { ClaimedTask } from "./outbox-store";
import type { TaskOutcome } from "./relay-outbox";

/** `tasks.trigger` from @trigger.dev/sdk, or a function with its shape. */
export type TriggerTask = (
  taskId: string,
  payload: unknown,
  options: { idempotencyKey: string; priority?: number },
) => Promise<unknown>;

/**
 * Forwards one claimed task to Trigger.dev with the outbox row id as idempotency key, so a row forwarded twice
 * (lease expired mid-call) starts one run. Trigger.dev unreachable → retried with backoff; Trigger.dev's own
 * retry policy takes over once the run exists.
 */
export function forwardToTrigger(trigger: TriggerTask, now: () => Date = () => new Date()) {
  return async (task: ClaimedTask): Promise<TaskOutcome> => {
    try {
      await trigger(task.taskId, task.payload, {
        idempotencyKey: task.id,
        ...(task.priority > 0 ? { priority: task.priority } : {}),
      });
      return { kind: "done" };
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const delayMs = Math.min(5_000 * 2 ** Math.max(0, task.attempts - 1), 10 * 60_000);
      return { kind: "retry", error: message, at: new Date(now().getTime() + delayMs) };
    }
  };
}
