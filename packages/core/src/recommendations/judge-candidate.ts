import type { AmountsByCurrency } from "@orylo/engine";
import { inReportingCurrency } from "../backtest/in-reporting-currency";

/** A rule hitting more than this share of all payments is not targeted, unless its hits are mostly fraud. */
const MAX_BROAD_SHARE = 0.05;
const MIN_BROAD_PRECISION = 0.5;

export type CandidateVerdict =
  | { keep: true; fraudValue: number; legitimateValue: number }
  | { keep: false; reason: "never_hit" | "costs_more_than_it_saves" | "too_broad" };

/**
 * Whether a candidate rule earns a recommendation, from its own backtest line: it must hit something, never
 * block more legitimate revenue (merchant-marked or 120-day-settled payments) than the fraud it stops, amounts
 * compared in the reporting currency, and not sweep up a large share of ordinary traffic. Ordinary traffic is
 * every payment, or, when the rule answers an attack, the payments before it (`ordinary`): an attack's own
 * attempts do not make the rule against it broad, however large a share of a young shop's history they are.
 */
export function judgeCandidate(
  rule: {
    hits: number;
    fraud: number;
    fraudAmounts: AmountsByCurrency;
    legitimateAmounts: AmountsByCurrency;
  },
  payments: number,
  reportingCurrency: string,
  ordinary: { hits: number; payments: number } = { hits: rule.hits, payments },
): CandidateVerdict {
  if (rule.hits === 0) return { keep: false, reason: "never_hit" };
  const fraudValue = inReportingCurrency(rule.fraudAmounts, reportingCurrency).amount;
  const legitimateValue = inReportingCurrency(rule.legitimateAmounts, reportingCurrency).amount;
  if (legitimateValue > fraudValue) return { keep: false, reason: "costs_more_than_it_saves" };
  if (ordinary.hits > ordinary.payments * MAX_BROAD_SHARE && rule.fraud / rule.hits < MIN_BROAD_PRECISION)
    return { keep: false, reason: "too_broad" };
  return { keep: true, fraudValue, legitimateValue };
}
