export interface EventLoopLag {
  /** How late the event loop has run its timers lately (the worst of the last 0.5–1 s, or now), in ms. */
  lagMs(): number;
  stop(): void;
}

/**
 * Measures how far behind the event loop is: a timer due every `intervalMs` notes how late it fires, and the
 * worst lateness of the current and the previous half-second window is kept. A timer that has not fired yet
 * counts too, so a loop blocked right now (embedded PGlite's WASM runs in this thread) reads as late at once.
 * Node's `monitorEventLoopDelay` is not used: after a reset it missed a 300 ms block on Node 20.
 */
export function startEventLoopLag({ intervalMs = 20, windowMs = 500 } = {}): EventLoopLag {
  let lastTick = performance.now();
  let windowStart = lastTick;
  let current = 0;
  let previous = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = Math.max(0, now - lastTick - intervalMs);
    lastTick = now;
    if (now - windowStart >= windowMs) {
      previous = now - windowStart >= 2 * windowMs ? 0 : current;
      current = 0;
      windowStart = now;
    }
    current = Math.max(current, late);
  }, intervalMs);
  timer.unref?.();
  return {
    lagMs: () => Math.max(previous, current, performance.now() - lastTick - intervalMs),
    stop: () => clearInterval(timer),
  };
}
