/**
 * How many decimals a currency's minor unit has (ISO 4217 as Stripe applies it): most have 2,
 * these have none (an amount of 1000 JPY is ¥1000) and these have 3 (1000 KWD minor units is 1.000 KWD).
 */
export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);

export const THREE_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

export function currencyDecimals(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL_CURRENCIES.has(code)) return 0;
  if (THREE_DECIMAL_CURRENCIES.has(code)) return 3;
  return 2;
}

/** Rounds to the currency's precision so `19.99` stays `19.99` and comparisons with literals are exact. */
export function roundToCurrency(major: number, currency: string): number {
  const scale = 10 ** currencyDecimals(currency);
  return Math.round(major * scale) / scale;
}

/** Integer minor units (what Stripe stores) to major units (what Radar's `:amount_in_xxx:` compares). */
export function toMajorUnits(amountMinor: number, currency: string): number {
  return roundToCurrency(amountMinor / 10 ** currencyDecimals(currency), currency);
}
