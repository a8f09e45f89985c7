export interface EventLoopLag {
  /**
   * How late the event loop runs its timers, in ms: the mean lateness of the current or the previous
   * half-second window, whichever is worse, or how late the next tick already is when the loop is blocked now.
   */
  lagMs(): number;
  stop(): void;
}

/**
 * Measures how far behind the event loop is: a timer due every `intervalMs` notes how late it fires. A loop with
 * a backlog is late at every tick, so the mean over a window is the signal; one pause (a GC, the process
 * descheduled on a busy machine) is diluted by the ticks around it. A timer that has not fired yet counts too,
 * so a loop blocked right now (embedded PGlite's WASM runs in this thread) reads as late at once.
 * Node's `monitorEventLoopDelay` is not used: after a reset it missed a 300 ms block on Node 20.
 */
export function startEventLoopLag({ intervalMs = 20, windowMs = 500 } = {}): EventLoopLag {
  let lastTick = performance.now();
  let windowStart = lastTick;
  let current = { total: 0, ticks: 0 };
  let previousMean = 0;
  const mean = ({ total, ticks }: typeof current) => (ticks === 0 ? 0 : total / ticks);
  const timer = setInterval(() => {
    const now = performance.now();
    const late = Math.max(0, now - lastTick - intervalMs);
    lastTick = now;
    if (now - windowStart >= windowMs) {
      previousMean = now - windowStart >= 2 * windowMs ? 0 : mean(current);
      current = { total: 0, ticks: 0 };
      windowStart = now;
    }
    current.total += late;
    current.ticks += 1;
  }, intervalMs);
  timer.unref?.();
  return {
    lagMs: () => Math.max(previousMean, mean(current), performance.now() - lastTick - intervalMs),
    stop: () => clearInterval(timer),
  };
}
