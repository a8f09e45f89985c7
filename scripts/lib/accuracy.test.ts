import { DEFAULT_ENGINE_SETTINGS, evaluate, streamFeatures } from "@orylo/engine";
import { loadSparkovPayments } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import {
  amountOnlyConfusion,
  bestAmountThreshold,
  measureAccuracy,
  metricsOf,
  sparkovTransaction,
  thresholdFlagging,
} from "./accuracy";
import { renderAccuracyDoc } from "./accuracy-doc";

const all = loadSparkovPayments();
/** Every fifth payment: the sample's legitimate rows all come before its fraud rows, so a prefix holds one label. */
const slice = all.filter((_, index) => index % 5 === 0);

describe("Sparkov accuracy replay", () => {
  it("loads the whole balanced sample in time order, card numbers hashed", () => {
    expect(all).toHaveLength(2144);
    expect(all.filter((payment) => payment.isFraud)).toHaveLength(1072);
    expect(all.every((p, i) => i === 0 || all[i - 1]!.at.getTime() <= p.at.getTime())).toBe(true);
    expect(all[0]).toMatchObject({ amount: 286, category: "personal_care", isFraud: false });
    expect(all[0]!.cardKey).toMatch(/^fp_[0-9a-f]{16}$/);
  });

  it("counts the same confusion matrices as scoring each payment on its own", () => {
    const run = measureAccuracy(slice);
    const counted = { block: { tp: 0, fp: 0, fn: 0, tn: 0 }, flagged: { tp: 0, fp: 0, fn: 0, tn: 0 } };
    const byId = new Map(slice.map((payment) => [sparkovTransaction(payment).chargeId, payment]));
    for (const { transaction, features } of streamFeatures(slice.map(sparkovTransaction))) {
      const { decision } = evaluate(transaction, features, DEFAULT_ENGINE_SETTINGS);
      const fraud = byId.get(transaction.chargeId)!.isFraud;
      const cell = (hit: boolean) => (fraud ? (hit ? "tp" : "fn") : hit ? "fp" : "tn");
      counted.block[cell(decision === "BLOCK")] += 1;
      counted.flagged[cell(decision !== "ALLOW")] += 1;
    }
    expect(run.block).toEqual(counted.block);
    expect(run.blockOrReview).toEqual(counted.flagged);
    expect(run.blockOrReview.tp).toBeGreaterThan(0);
    expect(run.blockOrReview.fp).toBeGreaterThan(0);
    expect(run.report.payments).toBe(slice.length);

    const frauds = slice.filter((payment) => payment.isFraud);
    const threshold = run.baseline.threshold;
    expect(run.baseline.confusion).toEqual({
      tp: frauds.filter((payment) => payment.amount >= threshold).length,
      fp: slice.filter((payment) => !payment.isFraud && payment.amount >= threshold).length,
      fn: frauds.filter((payment) => payment.amount < threshold).length,
      tn: slice.filter((payment) => !payment.isFraud && payment.amount < threshold).length,
    });
    const doc = renderAccuracyDoc(run, slice, "test");
    const { ALLOW, REVIEW, BLOCK } = run.report.candidate.decisions;
    expect(doc).toContain(`ALLOW ${ALLOW.count}, REVIEW ${REVIEW.count}, BLOCK ${BLOCK.count}.`);
    expect(ALLOW.count + REVIEW.count + BLOCK.count).toBe(slice.length);
  });

  it("computes precision, recall, F1 and the re-weighted precision from the matrix", () => {
    const metrics = metricsOf({ tp: 30, fp: 10, fn: 70, tn: 90 });
    expect(metrics.precision).toBeCloseTo(0.75);
    expect(metrics.recall).toBeCloseTo(0.3);
    expect(metrics.f1).toBeCloseTo((2 * 0.75 * 0.3) / 1.05);
    // recall 0.3, false-positive rate 0.1 at π = 0.005: 0.0015 / (0.0015 + 0.0995)
    expect(metrics.precisionAtReferenceRate).toBeCloseTo(0.0015 / 0.101);
    expect(metricsOf({ tp: 0, fp: 0, fn: 5, tn: 5 })).toEqual({
      precision: null,
      recall: 0,
      f1: null,
      precisionAtReferenceRate: null,
    });
  });

  it("picks the amount threshold no other amount beats on F1, and one flagging a given volume", () => {
    const best = metricsOf(amountOnlyConfusion(slice, bestAmountThreshold(slice))).f1 ?? -1;
    expect(best).toBeGreaterThan(0);
    for (const { amount } of slice)
      expect(metricsOf(amountOnlyConfusion(slice, amount)).f1 ?? 0).toBeLessThanOrEqual(best);
    const { tp, fp } = amountOnlyConfusion(slice, thresholdFlagging(slice, 25));
    expect(tp + fp).toBe(25);
  });
});
