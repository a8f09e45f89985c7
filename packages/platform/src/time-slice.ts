import { foregroundIdle } from "./foreground-work";

export interface TimeSlice {
  /**
   * Resolves at once while the current slice has time left. Once it has run its length, resolves when no
   * foreground work runs (or `maxWaitMs` later) and the event loop has taken its next turn, then starts a
   * new slice.
   */
  yieldIfDue(): Promise<void>;
}

/**
 * Cooperative time slicing for CPU-bound loops that share the web process with webhooks (a backtest over a
 * million stored payments, run by the API or by the inline task host). Without it the loop holds the event
 * loop for seconds and every delivery waits behind it; with plain turns the deliveries would share the core
 * with it and fall behind their rate. So background slices run in the gaps between deliveries, and at least
 * one every `maxWaitMs`. A caller checks every few hundred iterations.
 */
export function startTimeSlice({ sliceMs = 4, maxWaitMs = 50 } = {}): TimeSlice {
  let sliceStart = performance.now();
  return {
    yieldIfDue: async () => {
      if (performance.now() - sliceStart < sliceMs) return;
      await foregroundIdle(maxWaitMs);
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    },
  };
}
