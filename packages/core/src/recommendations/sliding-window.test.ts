import { describe, expect, it } from "vitest";
import { HighestWindowPeak, WindowPeak } from "./sliding-window";

const MINUTE = 60_000;

describe("WindowPeak", () => {
  it("counts the most distinct values within any window (t − w, t], and items when values are left out", () => {
    const cards = new WindowPeak(10 * MINUTE);
    for (const [minute, card] of [
      [0, "a"],
      [1, "b"],
      [2, "a"],
      [10, "c"],
      [11, "d"],
      [12, "e"],
    ] as const)
      cards.add(minute * MINUTE, card);
    // At minute 10 the window (0, 10] holds b, a, c: the first "a" left at exactly 10 minutes, the second
    // stays; then b and a leave as d and e come. Never 4 at once.
    expect(cards.peak).toBe(3);
    const attempts = new WindowPeak(10 * MINUTE);
    for (const minute of [0, 1, 2, 3, 30]) attempts.add(minute * MINUTE);
    expect(attempts.peak).toBe(4);
  });
});

describe("HighestWindowPeak", () => {
  it("forgets keys whose window emptied but keeps their peak", () => {
    const perIp = new HighestWindowPeak(60 * MINUTE);
    for (let card = 0; card < 5; card++) perIp.add("ip_busy", card * MINUTE, `card_${card}`);
    for (let index = 0; index < 60_000; index++)
      perIp.add(`ip_${index}`, 10 * MINUTE + index * 1_000, `card_${index}`);
    expect(perIp.highest).toBe(5);
    // One key per second: a sweep keeps about the last hour's 3 600 keys, plus those added since it ran.
    expect(perIp.held).toBeLessThan(25_000);
  });
});
