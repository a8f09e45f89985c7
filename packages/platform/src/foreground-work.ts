interface ForegroundState {
  running: number;
  waiters: Set<() => void>;
  /** `performance.now()` when a delivery last began or ended. */
  lastSeen: number;
}

// One count per process whatever copy of this module counts: Next.js bundles a package once for the
// instrumentation hook and again for the routes, and both must see the same deliveries.
const STATE = Symbol.for("orylo.foreground-work");

function state(): ForegroundState {
  const holder = globalThis as { [STATE]?: ForegroundState };
  holder[STATE] ??= { running: 0, waiters: new Set(), lastSeen: Number.NEGATIVE_INFINITY };
  return holder[STATE];
}

/**
 * Marks latency-bound work (a webhook delivery, from its arrival to its answer) as running until the returned
 * function is called; background work in the same process gives way to it (`startTimeSlice`).
 */
export function beginForegroundWork(): () => void {
  const work = state();
  work.running += 1;
  work.lastSeen = performance.now();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    work.running -= 1;
    work.lastSeen = performance.now();
    if (work.running > 0) return;
    for (const wake of [...work.waiters]) wake();
  };
}

/** How long ago foreground work last ran (0 while some runs; infinite when none ever did). */
export function msSinceForeground(): number {
  const work = state();
  return work.running > 0 ? 0 : performance.now() - work.lastSeen;
}

/** Resolves once no foreground work runs, or after `maxWaitMs` whatever happens, so background work never starves. */
export function foregroundIdle(maxWaitMs: number): Promise<void> {
  const work = state();
  if (work.running === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      work.waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, maxWaitMs);
    work.waiters.add(wake);
  });
}
