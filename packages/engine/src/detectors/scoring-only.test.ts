import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { StreamingFeatureEvaluator } from "../features/stream";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { createRandom, pick } from "../test-helpers/random";
import { randomFacts, randomTraffic } from "../test-helpers/random-history";
import type { Transaction } from "../transaction";
import { UNEXPLAINED } from "./detector";
import { DETECTORS } from "./registry";

/** Dense random traffic with the card checks, Radar verdicts and outsized amounts the detectors read, varied too. */
function denseHistory(seed: number): Transaction[] {
  const random = createRandom(seed * 31 + 1);
  const check = () => pick(random, ["pass", "pass", "fail", null]);
  return randomTraffic(seed, 2_500, 3).map((payment) => ({
    ...payment,
    amount: random() < 0.02 ? 400_000 : payment.amount,
    cvcCheck: check(),
    addressPostalCodeCheck: check(),
    addressLine1Check: check(),
    cardFunding: pick(random, ["credit", "debit", "prepaid"]),
    radarRiskLevel: pick(random, ["normal", "normal", "elevated", "highest", null]),
    outcomeType: random() < 0.05 ? "manual_review" : payment.outcomeType,
  }));
}

const scored = ({ status, score, reasonCode }: { status: string; score: number; reasonCode: string }) => ({
  status,
  score,
  reasonCode,
});

describe("detectors asked only to score (a backtest's mode)", () => {
  it.each([21, 22, 23])(
    "seed %i: the same status, score and reason code as when they explain, on the vectors a backtest computes",
    (seed) => {
      const history = denseHistory(seed);
      const facts = randomFacts(seed, history);
      const full = new StreamingFeatureEvaluator({}, facts);
      const projected = DETECTORS.map((detector) => new StreamingFeatureEvaluator({}, facts, detector.reads));
      const hits = new Map<string, number>();
      for (const transaction of history) {
        const all = full.push(transaction);
        DETECTORS.forEach((detector, index) => {
          const some = projected[index]!.push(transaction);
          const explained = detector.detect(transaction, all, DEFAULT_ENGINE_SETTINGS);
          const quiet = detector.detect(transaction, some, DEFAULT_ENGINE_SETTINGS, false);
          expect(scored(quiet), `${detector.name} ${transaction.chargeId}`).toEqual(scored(explained));
          expect(quiet.evidence).toEqual(UNEXPLAINED.evidence);
          if (explained.status === "hit") hits.set(detector.name, (hits.get(detector.name) ?? 0) + 1);
        });
        const evaluation = evaluate(transaction, all, DEFAULT_ENGINE_SETTINGS);
        const quietEvaluation = evaluate(transaction, all, DEFAULT_ENGINE_SETTINGS, { explain: false });
        expect(quietEvaluation.decision).toBe(evaluation.decision);
        expect(quietEvaluation.riskScore).toBe(evaluation.riskScore);
        expect(quietEvaluation.contributions.map(scored)).toEqual(evaluation.contributions.map(scored));
      }
      // Meaningful only if every detector both hits and stays quiet somewhere in the history.
      for (const detector of DETECTORS) {
        expect(hits.get(detector.name) ?? 0, detector.name).toBeGreaterThan(0);
        expect(hits.get(detector.name) ?? 0, detector.name).toBeLessThan(history.length);
      }
    },
    60_000,
  );
});
