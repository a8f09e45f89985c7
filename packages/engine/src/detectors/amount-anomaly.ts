import { type Detector, hit, noHit, readNumber, unexplainedHit, unexplainedNoHit } from "./detector";

/** Fewer than 30 recent payments (see the catalogue) is too little history for a mean and a spread to mean anything. */
export const MIN_AMOUNT_HISTORY = 30;
const MIN_Z = 3;

const anomalyScore = (z: number) => Math.min(50, 10 + 8 * (z - MIN_Z));

/**
 * z-score of this amount against the merchant's recent amounts in the same currency (the last 200 payments
 * in that currency within 30 days, `merchant_amount_*_recent`). The spread has a
 * floor of a quarter of the mean: a one-price shop (spread 0) would otherwise call two items
 * infinitely unusual. Only unusually high amounts count; tiny ones are the card-testing detector's.
 * Amounts are right-skewed, so 3 sigma is common enough to weigh little: 10 at z = 3, 50 from z = 8.
 */
export const amountAnomalyDetector: Detector = {
  name: "amount_anomaly",
  reads: ["merchant_amount_count_recent", "merchant_amount_mean_recent", "merchant_amount_stddev_recent"],
  detect(transaction, features, _settings, explain = true) {
    const count = readNumber(features, "merchant_amount_count_recent");
    const mean = readNumber(features, "merchant_amount_mean_recent");
    const stddev = readNumber(features, "merchant_amount_stddev_recent");
    const known = count !== null && mean !== null && stddev !== null && count >= MIN_AMOUNT_HISTORY;
    const z = known ? (transaction.amount - mean) / Math.max(stddev, mean / 4, 1) : 0;
    if (!explain) {
      if (!known) return unexplainedNoHit("amount_history_too_short");
      return z < MIN_Z
        ? unexplainedNoHit("amount_usual")
        : unexplainedHit(anomalyScore(z), "amount_unusually_high");
    }
    const evidence = {
      amount: transaction.amount,
      currency: transaction.currency,
      merchant_amount_count_recent: count,
      merchant_amount_mean_recent: mean === null ? null : Math.round(mean),
      merchant_amount_stddev_recent: stddev === null ? null : Math.round(stddev),
      min_history: MIN_AMOUNT_HISTORY,
    };
    if (!known)
      return noHit(
        "amount_history_too_short",
        evidence,
        "Not enough recent history in this currency to judge the amount.",
      );
    const withZ = { ...evidence, z_score: Math.round(z * 100) / 100 };
    if (z < MIN_Z) return noHit("amount_usual", withZ, "The amount is within the merchant's usual range.");
    return hit(
      anomalyScore(z),
      "amount_unusually_high",
      withZ,
      `The amount is ${withZ.z_score} standard deviations above the merchant's recent mean.`,
    );
  },
};
