import type { DatabaseDriver } from "@orylo/db";
import { beginForegroundWork } from "@orylo/platform";
import { OverloadedError } from "../errors";

export interface WebhookAdmissionLimits {
  /** Deliveries processed at once; the others wait their turn, first come first served. */
  capacity: number;
  /** A delivery that waited this long for its turn is answered 503 without being stored. */
  maxWaitMs: number;
  /**
   * A delivery that arrives while the event loop runs this late is answered 503 at once: under a burst the
   * requests queue in Node and Next.js before any handler runs, where the turns above cannot see them.
   */
  maxLagMs?: number;
}

/**
 * Load shedding for a database with one connection (embedded PGlite): every request queues behind it, so
 * under a burst deliveries would wait tens of seconds and Stripe's client would time out. A delivery waits
 * for a turn before anything is read or stored; one that waits too long is refused with 503 and stores
 * nothing, so Stripe redelivers it later. Once admitted, a delivery runs to its answer as usual (stored and
 * committed, then processed): never a 2xx without the event stored.
 */
export function createWebhookAdmission(
  { capacity, maxWaitMs, maxLagMs = Number.POSITIVE_INFINITY }: WebhookAdmissionLimits,
  /** How late the event loop runs now, in ms (platform's `startEventLoopLag`); needed with `maxLagMs`. */
  lagMs: () => number = () => 0,
) {
  interface Waiter {
    since: number;
    admit(): void;
    shed(): void;
  }
  let running = 0;
  const waiting: Waiter[] = [];
  const overloaded = () => new OverloadedError(Math.max(1, Math.ceil(maxWaitMs / 1000)));

  /**
   * Hands the turn to the oldest waiter that has not waited too long. The timers below may not have fired:
   * PGlite runs in this thread, and a request's statements can follow one another without the event loop
   * reaching its timers, so the wait is also judged here, by the clock.
   */
  function release() {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      if (performance.now() - next.since <= maxWaitMs) return next.admit();
      next.shed();
    }
    running -= 1;
  }

  function acquire(): Promise<void> {
    if (lagMs() > maxLagMs) return Promise.reject(overloaded());
    if (running < capacity) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        since: performance.now(),
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
        shed: () => {
          clearTimeout(timer);
          reject(overloaded());
        },
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(overloaded());
      }, maxWaitMs);
      waiting.push(waiter);
    });
  }

  return {
    /** Also marks the delivery as foreground work, waiting or running: background slices give way to it. */
    async run<T>(work: () => Promise<T>): Promise<T> {
      const endForeground = beginForegroundWork();
      try {
        await acquire();
        try {
          return await work();
        } finally {
          release();
        }
      } finally {
        endForeground();
      }
    },
  };
}
export type WebhookAdmission = ReturnType<typeof createWebhookAdmission>;

/** pg and Neon pools queue on their own connections: no shedding there. */
export const UNLIMITED_ADMISSION: WebhookAdmissionLimits = {
  capacity: Number.POSITIVE_INFINITY,
  maxWaitMs: 0,
};
/**
 * PGlite: a few deliveries in turn (signature checks overlap the database work), 2 s of waiting at most, none
 * taken while the loop runs 200 ms late (a loop that late has a backlog of requests; a GC pause is shorter).
 */
export const EMBEDDED_ADMISSION: WebhookAdmissionLimits = { capacity: 2, maxWaitMs: 2_000, maxLagMs: 200 };

/**
 * The limits a runtime gets unless told otherwise: none for pg and Neon; for PGlite, `EMBEDDED_ADMISSION`,
 * without the lateness bound outside a production build: `next dev` stalls the loop while it compiles a
 * route, which is not load, and shedding then refused a merchant's first test event.
 */
export function defaultWebhookAdmission(
  driver: DatabaseDriver,
  nodeEnv: "development" | "test" | "production",
): WebhookAdmissionLimits {
  if (driver !== "pglite") return UNLIMITED_ADMISSION;
  if (nodeEnv === "production") return EMBEDDED_ADMISSION;
  const { maxLagMs: _lateness, ...turns } = EMBEDDED_ADMISSION;
  return turns;
}
