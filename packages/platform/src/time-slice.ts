import { foregroundIdle, msSinceForeground } from "./foreground-work";

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
 * one every `maxWaitMs`. A caller checks every few hundred iterations. Slices are short (`sliceMs`) while
 * deliveries come, and longer (`quietSliceMs`) once none has run for `quietAfterMs`: a turn costs a backtest
 * about 10 % of its CPU at 4 ms slices, and a process without webhooks (the CLI, a quiet night) need not pay
 * it. The first delivery after a quiet spell waits one long slice at most.
 */
export function startTimeSlice({
  sliceMs = 4,
  quietSliceMs = 25,
  quietAfterMs = 1_000,
  maxWaitMs = 50,
} = {}): TimeSlice {
  let sliceStart = performance.now();
  return {
    yieldIfDue: async () => {
      const length = msSinceForeground() < quietAfterMs ? sliceMs : quietSliceMs;
      if (performance.now() - sliceStart < length) return;
      await foregroundIdle(maxWaitMs);
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    },
  };
}
