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
  it("reads a loop blocked right now as late, keeps the block for a window, then forgets it", async () => {
    const lag = startEventLoopLag({ intervalMs: 10, windowMs: 100 });
    try {
      await sleep(30);
      blockFor(300);
      expect(lag.lagMs()).toBeGreaterThanOrEqual(280);
      await sleep(30);
      expect(lag.lagMs()).toBeGreaterThanOrEqual(280);
      // Two windows later, with the loop free, the block is no longer reported.
      await sleep(400);
      expect(lag.lagMs()).toBeLessThan(280);
    } finally {
      lag.stop();
    }
  });
});
