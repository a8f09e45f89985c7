import { describe, expect, it } from "vitest";
import type { Detector } from "./detectors/detector";
import { hit, noHit } from "./detectors/detector";
import { DETECTORS } from "./detectors/registry";
import { evaluate } from "./evaluate";
import { ENGINE_VERSION, Evaluation } from "./evaluation";
import { DEFAULT_ENGINE_SETTINGS } from "./settings";
import { featuresWith } from "./test-helpers/features";
import { makeTransaction } from "./test-helpers/make-transaction";

const fixed = (name: string, score: number): Detector => ({
  name,
  reads: [],
  detect: () =>
    score > 0 ? hit(score, `${name}_hit`, { score }, "hit") : noHit(`${name}_quiet`, {}, "quiet"),
});
const throwing: Detector = {
  name: "broken",
  reads: [],
  detect: () => {
    throw new Error("feature store exploded");
  },
};
const outOfRange: Detector = {
  name: "wild",
  reads: [],
  detect: () => ({ ...hit(10, "wild", {}, ""), score: Number.NaN }),
};

describe("evaluate", () => {
  it("runs every registered detector and returns a trace that survives JSON", () => {
    const evaluation = evaluate(makeTransaction(), featuresWith(), DEFAULT_ENGINE_SETTINGS);
    expect(evaluation.contributions.map((c) => c.detector)).toEqual(DETECTORS.map((d) => d.name));
    expect(evaluation).toMatchObject({
      engineVersion: ENGINE_VERSION,
      decision: "ALLOW",
      riskScore: 0,
      ruleHits: [],
    });
    expect(Evaluation.parse(JSON.parse(JSON.stringify(evaluation)))).toEqual(evaluation);
  });

  it.each([
    {
      name: "independent strong evidence reaches BLOCK",
      detectors: [fixed("a", 60), fixed("b", 60)],
      decision: "BLOCK",
      score: 84,
    },
    {
      name: "many weak signals stay below BLOCK",
      detectors: [1, 2, 3, 4, 5].map((i) => fixed(`w${i}`, 20)),
      decision: "REVIEW",
      score: 67,
    },
    {
      name: "a throwing detector is failed, the others still decide",
      detectors: [throwing, fixed("a", 85)],
      decision: "BLOCK",
      score: 85,
    },
    {
      name: "a detector returning NaN is failed, not a zero",
      detectors: [outOfRange, fixed("a", 25)],
      decision: "REVIEW",
      score: 25,
    },
    {
      name: "no_hit contributes nothing",
      detectors: [fixed("a", 0), fixed("b", 0)],
      decision: "ALLOW",
      score: 0,
    },
  ])("$name", ({ detectors, decision, score }) => {
    const evaluation = evaluate(makeTransaction(), featuresWith(), DEFAULT_ENGINE_SETTINGS, { detectors });
    expect(evaluation.decision).toBe(decision);
    expect(evaluation.riskScore).toBe(score);
  });

  it("records a failure with its error as evidence and lowers confidence", () => {
    const healthy = evaluate(makeTransaction(), featuresWith(), DEFAULT_ENGINE_SETTINGS, {
      detectors: [fixed("a", 0), fixed("b", 0)],
    });
    const evaluation = evaluate(makeTransaction(), featuresWith(), DEFAULT_ENGINE_SETTINGS, {
      detectors: [throwing, fixed("a", 0)],
    });
    expect(evaluation.failedDetectors).toEqual(["broken"]);
    expect(evaluation.contributions[0]).toMatchObject({
      detector: "broken",
      status: "failed",
      score: 0,
      reasonCode: "detector_failed",
      evidence: { error: "feature store exploded" },
    });
    expect(evaluation.confidence).toBeLessThan(healthy.confidence);
  });

  it("reuses findings it is given (a backtest's baseline) instead of running the detectors again", () => {
    let runs = 0;
    const counted: Detector = {
      ...fixed("counted", 70),
      detect: (...args) => {
        runs += 1;
        return fixed("counted", 70).detect(...args);
      },
    };
    const options = { detectors: [counted, fixed("b", 0)] };
    const first = evaluate(makeTransaction(), featuresWith(), DEFAULT_ENGINE_SETTINGS, options);
    const again = evaluate(makeTransaction(), featuresWith(), DEFAULT_ENGINE_SETTINGS, {
      ...options,
      contributions: first.contributions,
    });
    expect(runs).toBe(1);
    expect(again).toEqual(first);
  });
});

describe("evaluate with allow and block lists", () => {
  const blockedCards = { name: "blocked_cards", action: "block", kind: "card_fingerprint" } as const;

  it("a block-listed card is BLOCK with no rule naming the list, traced with the detectors' score", () => {
    const payment = makeTransaction({ cardFingerprint: "fp_stolen" });
    const evaluation = evaluate(payment, featuresWith(), DEFAULT_ENGINE_SETTINGS, {
      actionLists: [{ ...blockedCards, values: new Set(["fp_stolen"]) }],
    });
    expect(evaluation.decision).toBe("BLOCK");
    expect(evaluation.riskScore).toBeLessThan(DEFAULT_ENGINE_SETTINGS.reviewThreshold);
    expect(evaluation.listHits).toEqual([
      { list: "blocked_cards", action: "block", kind: "card_fingerprint", value: "fp_stolen" },
    ]);
    expect(Evaluation.parse(JSON.parse(JSON.stringify(evaluation)))).toEqual(evaluation);
  });

  it("another card of the same list's kind is left to the score", () => {
    const evaluation = evaluate(makeTransaction(), featuresWith(), DEFAULT_ENGINE_SETTINGS, {
      actionLists: [{ ...blockedCards, values: new Set(["fp_stolen"]) }],
    });
    expect(evaluation).toMatchObject({ decision: "ALLOW", listHits: [] });
  });
});
