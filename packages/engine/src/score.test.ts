import { describe, expect, it } from "vitest";
import { combineScores } from "./score";

describe("combineScores", () => {
  it.each([
    { scores: [], expected: 0 },
    { scores: [0, 0], expected: 0 },
    { scores: [45], expected: 45 },
    { scores: [60, 60], expected: 84 },
    { scores: [50, 50, 50], expected: 88 },
    { scores: [20, 20, 20, 20, 20], expected: 67 },
    { scores: [100, 30], expected: 100 },
    { scores: [150, -5], expected: 100 },
  ])("$scores → $expected", ({ scores, expected }) => {
    expect(combineScores(scores)).toBe(expected);
  });

  it("never falls below the strongest score nor exceeds 100", () => {
    for (const scores of [
      [10, 90],
      [79, 1, 1],
      [99, 99, 99],
    ]) {
      const combined = combineScores(scores);
      expect(combined).toBeGreaterThanOrEqual(Math.max(...scores));
      expect(combined).toBeLessThanOrEqual(100);
    }
  });
});
