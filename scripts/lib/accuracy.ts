import {
  type Accuracy,
  type BacktestLabel,
  type BacktestReport,
  backtestRules,
  DEFAULT_ENGINE_SETTINGS,
  type Transaction,
} from "@orylo/engine";
import type { SparkovPayment } from "@orylo/testkit";

/** The fraud rate precision is re-weighted to: roughly what a card merchant sees, where Sparkov is balanced. */
export const REFERENCE_FRAUD_RATE = 0.005;

export type Confusion = { tp: number; fp: number; fn: number; tn: number };
export type Metrics = {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Precision had the same recall and false-positive rate met a `REFERENCE_FRAUD_RATE` population. */
  precisionAtReferenceRate: number | null;
};

const chargeIdOf = (payment: SparkovPayment) => `ch_sparkov_${payment.transactionId}`;

/**
 * A Sparkov row as the charge the engine would see: a succeeded US card payment. Sparkov has no email, IP,
 * device, Radar, CVC or 3DS: those stay null (unknown), never invented.
 */
export function sparkovTransaction(payment: SparkovPayment): Transaction {
  return {
    chargeId: chargeIdOf(payment),
    paymentIntentId: null,
    createdAt: payment.at,
    livemode: true,
    amount: payment.amount,
    currency: "usd",
    status: "succeeded",
    captured: true,
    failureCode: null,
    declineCode: null,
    outcomeType: "authorized",
    networkStatus: "approved_by_network",
    radarRiskLevel: null,
    radarRiskScore: null,
    cardFingerprint: payment.cardKey,
    cardBrand: null,
    cardFunding: null,
    cardCountry: "US",
    cardIin: null,
    wallet: null,
    threeDSecureResult: null,
    cvcCheck: null,
    addressLine1Check: null,
    addressPostalCodeCheck: null,
    customerId: null,
    email: null,
    billingCountry: "US",
    billingAddressKey: payment.addressKey,
    shippingCountry: null,
    shippingAddressKey: null,
    ipAddress: null,
    deviceId: null,
    userAgent: null,
    metadata: { category: payment.category },
  };
}

/** Fraud blocked (BLOCK) or fraud blocked-or-reviewed (BLOCK+REVIEW) as a confusion matrix. */
export function confusionOf(accuracy: Accuracy, flagged: "block" | "block_or_review"): Confusion {
  const tp = accuracy.fraudBlocked + (flagged === "block" ? 0 : accuracy.fraudReviewed);
  const fp = accuracy.legitimateBlocked + (flagged === "block" ? 0 : accuracy.legitimateReviewed);
  return { tp, fp, fn: accuracy.fraud - tp, tn: accuracy.legitimate - fp };
}

/** precision_π = recall·π / (recall·π + FPR·(1 − π)), FPR = fp / (fp + tn), π = `REFERENCE_FRAUD_RATE`. */
export function metricsOf({ tp, fp, fn, tn }: Confusion): Metrics {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  const falsePositiveRate = fp + tn === 0 ? null : fp / (fp + tn);
  const caught = recall === null ? null : recall * REFERENCE_FRAUD_RATE;
  const precisionAtReferenceRate =
    caught === null || falsePositiveRate === null || caught + falsePositiveRate === 0
      ? null
      : caught / (caught + falsePositiveRate * (1 - REFERENCE_FRAUD_RATE));
  return { precision, recall, f1, precisionAtReferenceRate };
}

/** Flags a payment when its amount is at least `threshold` (USD cents). */
export function amountOnlyConfusion(payments: readonly SparkovPayment[], threshold: number): Confusion {
  const matrix: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const payment of payments) {
    const flagged = payment.amount >= threshold;
    if (payment.isFraud) matrix[flagged ? "tp" : "fn"] += 1;
    else matrix[flagged ? "fp" : "tn"] += 1;
  }
  return matrix;
}

/** The amount threshold with the best F1 on these very payments (in-sample, so the baseline's best case). */
export function bestAmountThreshold(payments: readonly SparkovPayment[]): number {
  let best = { threshold: 0, f1: -1 };
  for (const threshold of new Set(payments.map((payment) => payment.amount))) {
    const f1 = metricsOf(amountOnlyConfusion(payments, threshold)).f1 ?? 0;
    if (f1 > best.f1 || (f1 === best.f1 && threshold > best.threshold)) best = { threshold, f1 };
  }
  return best.threshold;
}

/** The threshold that flags the `count` largest payments (ties may flag a few more): a like-for-like budget. */
export function thresholdFlagging(payments: readonly SparkovPayment[], count: number): number {
  const amounts = payments.map((payment) => payment.amount).sort((a, b) => b - a);
  return count === 0 ? Number.POSITIVE_INFINITY : amounts[Math.min(count, amounts.length) - 1]!;
}

export type AccuracyRun = {
  report: BacktestReport;
  block: Confusion;
  blockOrReview: Confusion;
  /** Amount-only: at the best-F1 threshold, and at the threshold flagging as many payments as BLOCK+REVIEW. */
  baseline: { threshold: number; confusion: Confusion };
  sameVolumeBaseline: { threshold: number; confusion: Confusion };
};

/**
 * Replays the payments, in time order, through the engine's backtest (one streaming feature evaluator,
 * every detector, no rules, default settings), every payment counted and judged by its label.
 */
export function measureAccuracy(payments: readonly SparkovPayment[]): AccuracyRun {
  const first = payments[0];
  const last = payments.at(-1);
  if (!first || !last) throw new Error("no payments to replay");
  const labels = new Map<string, BacktestLabel>(
    payments.map((payment) => [chargeIdOf(payment), payment.isFraud ? "fraud" : "legitimate"]),
  );
  const report = backtestRules({
    history: payments.map(sparkovTransaction),
    candidate: [],
    settings: DEFAULT_ENGINE_SETTINGS,
    labels,
    from: first.at,
    asOf: last.at,
  });
  const threshold = bestAmountThreshold(payments);
  const blockOrReview = confusionOf(report.candidate.accuracy, "block_or_review");
  const sameVolume = thresholdFlagging(payments, blockOrReview.tp + blockOrReview.fp);
  return {
    report,
    block: confusionOf(report.candidate.accuracy, "block"),
    blockOrReview,
    baseline: { threshold, confusion: amountOnlyConfusion(payments, threshold) },
    sameVolumeBaseline: { threshold: sameVolume, confusion: amountOnlyConfusion(payments, sameVolume) },
  };
}
