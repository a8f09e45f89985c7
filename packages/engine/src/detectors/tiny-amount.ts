import type { FeatureVector } from "../features/catalogue";
import type { Transaction } from "../transaction";
import { readNumber } from "./detector";

/** Currencies without minor units (Stripe's list), so "2 major units" means 2, not 200. */
const ZERO_DECIMAL = new Set("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf".split(" "));
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);
const MIN_HISTORY = 30;
/** The features `tinyAmountLimit` reads, for the detectors that use it to declare. */
export const TINY_AMOUNT_READS = ["merchant_amount_count_recent", "merchant_amount_mean_recent"] as const;

/**
 * The largest amount (minor units) we call tiny, as card testers use: a tenth of the merchant's recent
 * mean in this currency (`merchant_amount_mean_recent`: its last 200 payments in it within 30 days) once
 * there are 30 payments of history (so a shop whose normal basket is 1.00 is not flagged), else 2 major
 * units.
 */
export function tinyAmountLimit(transaction: Transaction, features: FeatureVector): number {
  const count = readNumber(features, "merchant_amount_count_recent");
  const mean = readNumber(features, "merchant_amount_mean_recent");
  if (count !== null && mean !== null && count >= MIN_HISTORY) return Math.floor(mean / 10);
  const currency = transaction.currency.toLowerCase();
  const exponent = ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2;
  return 2 * 10 ** exponent;
}

export function isTinyAmount(transaction: Transaction, features: FeatureVector): boolean {
  return transaction.amount <= tinyAmountLimit(transaction, features);
}
