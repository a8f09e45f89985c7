import { roundToCurrency, toMajorUnits } from "./minor-units";
import { EUR_PER_UNIT, RATES_AS_OF } from "./rates";

/** A conversion the table cannot make: reported, never guessed (a rule on it is an error, not a no-hit). */
export class CurrencyRateMissingError extends Error {
  readonly code = "currency_rate_missing";
  constructor(readonly currency: string) {
    super(`No reference rate for ${currency.toUpperCase()} (rates as of ${RATES_AS_OF})`);
  }
}

function eurPerUnit(currency: string): number {
  const rate = EUR_PER_UNIT[currency.toLowerCase()];
  if (rate === undefined) throw new CurrencyRateMissingError(currency);
  return rate;
}

/** `amountMinor` minor units of `from` in major units of `to`, rounded to `to`'s precision. */
export function convert(amountMinor: number, from: string, to: string): number {
  const major = toMajorUnits(amountMinor, from);
  if (from.toLowerCase() === to.toLowerCase()) return major;
  return roundToCurrency((major * eurPerUnit(from)) / eurPerUnit(to), to);
}
