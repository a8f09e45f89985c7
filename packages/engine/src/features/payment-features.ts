import type { Transaction } from "../transaction";
import type { FeatureOptions, FeatureVector } from "./catalogue";

/** The organization's time zone when none is given (an organization's default too). */
export const DEFAULT_TIME_ZONE = "UTC";

/**
 * Features read from the payment itself and the organization's settings, not from earlier payments: one
 * pure function that both evaluators (SQL and streaming) call, so they cannot disagree on them.
 */
export type PaymentFeatureDefinition = {
  name: string;
  type: "number" | "string" | "boolean";
  unit: string | null;
  meaning: string;
  compute: (transaction: Transaction, options: FeatureOptions) => number | string | boolean | null;
};

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) `at` reads in `timeZone` (an IANA zone); formatters are built once per zone. */
export function localHour(at: Date, timeZone: string): number {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" });
    hourFormatters.set(timeZone, formatter);
  }
  return Number(formatter.format(at));
}

export const PAYMENT_FEATURES: readonly PaymentFeatureDefinition[] = [
  {
    name: "local_hour",
    type: "number",
    unit: "hour 0-23",
    meaning:
      "Hour of the day the payment was made (charge.created), in the organization's time zone (settings `timeZone`, default UTC)",
    compute: (transaction, options) =>
      localHour(transaction.createdAt, options.timeZone ?? DEFAULT_TIME_ZONE),
  },
];

export function paymentFeatures(transaction: Transaction, options: FeatureOptions = {}): FeatureVector {
  const features: FeatureVector = {};
  for (const feature of PAYMENT_FEATURES) features[feature.name] = feature.compute(transaction, options);
  return features;
}
