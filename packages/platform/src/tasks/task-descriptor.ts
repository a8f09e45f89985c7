import type { z } from "zod";
import { type SpanAttributes, traced } from "../tracing";

/**
 * How a failed run is retried: `maxAttempts` in all, the delay multiplied by `factor` (default 2) after each
 * failure, from `minDelayMs`, capped at `maxDelayMs`.
 */
export interface RetryPolicy {
  maxAttempts: number;
  minDelayMs: number;
  maxDelayMs: number;
  factor?: number;
}

/**
 * A background task, described once (in packages/core) and run by either host: the inline runner here, or
 * Trigger.dev (trigger/ wraps the same descriptor in `schemaTask` / `schedules.task`). `D` is what the host
 * hands every run (database, logger...), so this package knows nothing of core.
 */
export interface TaskDescriptor<D, P = unknown> {
  id: string;
  payload: z.ZodType<P>;
  retry: RetryPolicy;
  /** At most `total` runs of this task at once (Trigger.dev's task `concurrency`, honoured inline too). */
  concurrency?: { total: number };
  /** Five-field cron in UTC for scheduled tasks (their payload is `{ scheduledAt }`). */
  cron?: string;
  run: (deps: D, payload: P) => Promise<unknown>;
}

/** A descriptor of any payload type, for registries. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds descriptors of different payload types
export type AnyTaskDescriptor<D> = TaskDescriptor<D, any>;

export function defineTask<D, P>(descriptor: TaskDescriptor<D, P>): TaskDescriptor<D, P> {
  return descriptor;
}

export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.minDelayMs * (policy.factor ?? 2) ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

/** Runs one task under a span `task <id>` when tracing is on: both hosts (inline, Trigger.dev) call this. */
export function runDescriptor<D, P>(
  descriptor: TaskDescriptor<D, P>,
  deps: D,
  payload: P,
  attributes: SpanAttributes = {},
): Promise<unknown> {
  return traced(`task ${descriptor.id}`, { "orylo.task_id": descriptor.id, ...attributes }, () =>
    descriptor.run(deps, payload),
  );
}
