import { describe, expect, it } from "vitest";
import { beginForegroundWork } from "./foreground-work";
import { startTimeSlice } from "./time-slice";

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("startTimeSlice", () => {
  it("lets work queued on the event loop run once the slice has been used, and not before", async () => {
    const slice = startTimeSlice({ sliceMs: 300, quietSliceMs: 300 });
    let fired = false;
    setImmediate(() => {
      fired = true;
    });
    await slice.yieldIfDue();
    expect(fired).toBe(false);
    busyFor(300);
    await slice.yieldIfDue();
    expect(fired).toBe(true);
  });

  it("keeps a CPU-bound loop from holding the event loop for more than a few slices at a time", async () => {
    const slice = startTimeSlice({ sliceMs: 4, quietSliceMs: 4 });
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      gaps.push(performance.now() - last);
      last = performance.now();
    }, 1);
    const end = performance.now() + 300;
    let spins = 0;
    while (performance.now() < end) {
      busyFor(0.05);
      spins += 1;
      if (spins % 16 === 0) await slice.yieldIfDue();
    }
    clearInterval(timer);
    // Without slices the timer never fires before the loop ends; a busy machine may deschedule us now and then.
    gaps.sort((a, b) => a - b);
    expect(gaps.length).toBeGreaterThanOrEqual(5);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThan(30);
  });

  it("waits while foreground work runs, until it ends", async () => {
    const slice = startTimeSlice({ sliceMs: 1, maxWaitMs: 10_000 });
    const end = beginForegroundWork();
    const began = performance.now();
    setTimeout(end, 30);
    busyFor(2);
    await slice.yieldIfDue();
    // The delivery ends 30 ms after it began, whatever the machine did meanwhile; the slice resumes after.
    expect(performance.now() - began).toBeGreaterThanOrEqual(29);
    expect(performance.now() - began).toBeLessThan(1_000);
  });

  it("runs a slice every maxWaitMs while foreground work never stops, so background work does not starve", async () => {
    const slice = startTimeSlice({ sliceMs: 1, maxWaitMs: 20 });
    const end = beginForegroundWork();
    try {
      busyFor(2);
      const start = performance.now();
      await slice.yieldIfDue();
      const waited = performance.now() - start;
      expect(waited).toBeGreaterThanOrEqual(15);
      expect(waited).toBeLessThan(500);
    } finally {
      end();
    }
  });

  it("keeps long slices while no delivery has run lately, and short ones once one has", async () => {
    const slice = startTimeSlice({ sliceMs: 5, quietSliceMs: 1_000, quietAfterMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    let fired = false;
    setImmediate(() => {
      fired = true;
    });
    busyFor(20);
    await slice.yieldIfDue();
    expect(fired).toBe(false);
    beginForegroundWork()();
    busyFor(20);
    await slice.yieldIfDue();
    expect(fired).toBe(true);
  });
});
