import { Cron } from "croner";
import type { Logger } from "../logger";
import type { OutboxStore } from "./outbox-store";
import { type RelayOptions, relayOutbox } from "./relay-outbox";
import { runTaskInline } from "./run-task-inline";
import type { AnyTaskDescriptor } from "./task-descriptor";

export interface InlineTaskHost {
  /** Relay now (after a commit that wrote tasks) instead of waiting for the next poll. */
  kick(): void;
  /** Relays until the outbox has nothing due: tests and scripts use it to wait for the work. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Embedded mode's stand-in for Trigger.dev, in the long-running app process: polls the outbox, runs due tasks
 * in-process, and enqueues scheduled tasks at their cron times (dedupe key = task + time, so a second host
 * cannot double them). Start it in exactly one place per process.
 */
export function startInlineTaskHost<D>(options: {
  store: OutboxStore;
  descriptors: readonly AnyTaskDescriptor<D>[];
  deps: D;
  logger: Logger;
  pollIntervalMs?: number;
  relay?: RelayOptions;
  /** The poll keeps the process running (a worker has nothing else that does); otherwise it lets it exit. */
  keepProcessAlive?: boolean;
}): InlineTaskHost {
  const { store, deps, logger, pollIntervalMs = 1_000 } = options;
  const registry = new Map(options.descriptors.map((d) => [d.id, d]));
  const run = runTaskInline(registry, deps, logger);
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  const drain = async (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let handled = 0;
      do {
        again = false;
        handled += await relayOutbox(store, run, options.relay);
      } while (again && !stopped);
      return handled;
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const kick = () => {
    if (stopped) return;
    drain().catch((error) => logger.error({ err: error }, "outbox relay failed"));
  };

  const timer = setInterval(kick, pollIntervalMs);
  if (!options.keepProcessAlive) timer.unref?.();
  const crons = options.descriptors
    .filter((d) => d.cron)
    .map(
      (d) =>
        new Cron(d.cron as string, { timezone: "UTC", unref: true, catch: true }, async (self: Cron) => {
          const scheduledAt = (self.currentRun() ?? new Date()).toISOString();
          await store.enqueue({
            taskId: d.id,
            payload: { scheduledAt },
            dedupeKey: `${d.id}:${scheduledAt}`,
          });
          kick();
        }),
    );

  return {
    kick,
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const cron of crons) cron.stop();
      await running;
    },
  };
}
