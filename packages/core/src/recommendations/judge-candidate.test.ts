import { describe, expect, it } from "vitest";
import { judgeCandidate } from "./judge-candidate";

const eur = (minor: number): Record<string, number> => (minor ? { eur: minor } : {});
const line = (hits: number, fraud: number, fraudEur: number, legitimateEur: number) => ({
  hits,
  fraud,
  fraudAmounts: eur(fraudEur),
  legitimateAmounts: eur(legitimateEur),
});

describe("judgeCandidate", () => {
  it.each([
    ["never fired", line(0, 0, 0, 0), { keep: false, reason: "never_hit" }],
    [
      "more legitimate revenue than fraud",
      line(5, 2, 10_000, 10_001),
      { keep: false, reason: "costs_more_than_it_saves" },
    ],
    [
      "as much fraud as legitimate revenue",
      line(4, 2, 10_000, 10_000),
      { keep: true, fraudValue: 100, legitimateValue: 100 },
    ],
    [
      "unlabelled card-testing attempts",
      line(30, 0, 0, 0),
      { keep: true, fraudValue: 0, legitimateValue: 0 },
    ],
    [
      "a tenth of all traffic, little of it fraud",
      line(100, 10, 50_000, 0),
      { keep: false, reason: "too_broad" },
    ],
    [
      "a tenth of all traffic, mostly fraud",
      line(100, 60, 50_000, 0),
      { keep: true, fraudValue: 500, legitimateValue: 0 },
    ],
  ])("%s", (_, rule, verdict) => {
    expect(judgeCandidate(rule, 1_000, "eur")).toEqual(verdict);
  });

  it("compares amounts across currencies in the reporting currency", () => {
    const verdict = judgeCandidate(
      { hits: 2, fraud: 1, fraudAmounts: { jpy: 1_000 }, legitimateAmounts: { eur: 5_000 } },
      1_000,
      "eur",
    );
    expect(verdict).toEqual({ keep: false, reason: "costs_more_than_it_saves" });
  });

  it("measures breadth on the ordinary traffic when one is given (the payments before an attack)", () => {
    const burst = line(40, 0, 0, 0);
    expect(judgeCandidate(burst, 150, "eur")).toEqual({ keep: false, reason: "too_broad" });
    expect(judgeCandidate(burst, 150, "eur", { hits: 0, payments: 110 })).toEqual({
      keep: true,
      fraudValue: 0,
      legitimateValue: 0,
    });
    expect(judgeCandidate(burst, 150, "eur", { hits: 10, payments: 110 })).toEqual({
      keep: false,
      reason: "too_broad",
    });
  });
});
