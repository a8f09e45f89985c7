import { type AmountsByCurrency, CurrencyRateMissingError, convert, roundToCurrency } from "@orylo/engine";

export type ReportingTotal = {
  /** Major units of the reporting currency, converted with the committed rate table. */
  amount: number;
  /** Currencies with no reference rate, left out of `amount`. */
  unconverted: string[];
};

/** Sums amounts in several currencies into one (the organization's reporting currency), in major units. */
export function inReportingCurrency(amounts: AmountsByCurrency, currency: string): ReportingTotal {
  let amount = 0;
  const unconverted: string[] = [];
  for (const [from, minor] of Object.entries(amounts)) {
    try {
      amount += convert(minor, from, currency);
    } catch (error) {
      if (!(error instanceof CurrencyRateMissingError)) throw error;
      unconverted.push(from);
    }
  }
  return { amount: roundToCurrency(amount, currency), unconverted };
}
