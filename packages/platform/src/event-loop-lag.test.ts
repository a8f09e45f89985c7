import { describe, expect, it } from "vitest";
import { startEventLoopLag } from "./event-loop-lag";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function blockFor(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // The event loop cannot run its timers meanwhile.
  }
}

describe("event loop lag", () => {
  it("reads a loop blocked right now as late at once, and forgets a single pause once the loop is free", async () => {
    const lag = startEventLoopLag({ intervalMs: 10, windowMs: 100 });
    try {
      await sleep(30);
      blockFor(300);
      expect(lag.lagMs()).toBeGreaterThanOrEqual(280);
      // Two windows later, with the loop free, the pause is no longer reported.
      await sleep(400);
      expect(lag.lagMs()).toBeLessThan(280);
    } finally {
      lag.stop();
    }
  });

  it("reports a backlog, late at every tick, by the window's mean lateness", async () => {
    const lag = startEventLoopLag({ intervalMs: 10, windowMs: 200 });
    try {
      // Work in 60 ms slices for half a second: every tick of the window fires about 60 ms late.
      const until = performance.now() + 500;
      while (performance.now() < until) {
        blockFor(60);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(lag.lagMs()).toBeGreaterThanOrEqual(30);
    } finally {
      lag.stop();
    }
  });
});
