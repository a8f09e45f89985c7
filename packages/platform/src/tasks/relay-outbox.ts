import type { ClaimedTask, OutboxStore } from "./outbox-store";

export interface RelayOptions {
  batchSize?: number;
  leaseMs?: number;
  /** Claimed tasks handled at once. */
  parallelism?: number;
}

/** What became of one claimed task; the handler decides, the relay records it. */
export type TaskOutcome =
  | { kind: "done" }
  | { kind: "retry"; error: string; at: Date }
  /** Not a failure: back in line at `at` without spending an attempt (`RetryLaterError`). */
  | { kind: "postpone"; reason: string; at: Date }
  | { kind: "dead"; error: string };

/**
 * Claims due rows from the outbox until none is left, hands each to `handle` (run inline, or forward to
 * Trigger.dev) and records the outcome. Returns how many rows it handled.
 */
export async function relayOutbox(
  store: OutboxStore,
  handle: (task: ClaimedTask) => Promise<TaskOutcome>,
  { batchSize = 20, leaseMs = 5 * 60_000, parallelism = 4 }: RelayOptions = {},
): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await store.claim(batchSize, leaseMs);
    if (batch.length === 0) return handled;
    // The batch's finished tasks are completed together. A relay that dies before leaves them running until
    // their lease ends and they run again: tasks are idempotent, as Trigger.dev's retries require anyway.
    const done: string[] = [];
    await forEachLimited(batch, parallelism, async (task) => {
      const outcome = await handle(task);
      if (outcome.kind === "done") done.push(task.id);
      else if (outcome.kind === "postpone") await store.postpone(task.id, outcome.at);
      else await store.fail(task.id, outcome.error, outcome.kind === "retry" ? outcome.at : null);
    });
    await store.complete(done);
    handled += batch.length;
  }
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  });
  await Promise.all(workers);
}
