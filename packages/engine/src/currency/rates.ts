/**
 * Committed, dated reference rates: euros per one major unit of each currency. Live scoring and
 * backtests share this table so a rule like `:amount_in_eur: > 300` means the same thing in both.
 * These are reference values, not market data: refresh them (and the date) deliberately, in a commit.
 */
export const RATES_AS_OF = "2026-11-01";

export const EUR_PER_UNIT: Readonly<Record<string, number>> = {
  eur: 1,
  usd: 0.92,
  gbp: 1.17,
  chf: 1.05,
  cad: 0.67,
  aud: 0.6,
  nzd: 0.55,
  jpy: 0.0061,
  cny: 0.128,
  hkd: 0.118,
  sgd: 0.69,
  inr: 0.011,
  krw: 0.00066,
  sek: 0.087,
  nok: 0.085,
  dkk: 0.134,
  pln: 0.23,
  czk: 0.04,
  huf: 0.0025,
  ron: 0.2,
  try: 0.027,
  brl: 0.165,
  mxn: 0.05,
  clp: 0.00097,
  zar: 0.05,
  aed: 0.25,
  vnd: 0.000036,
  kwd: 3,
  bhd: 2.44,
};

export const RATE_CURRENCIES: readonly string[] = Object.keys(EUR_PER_UNIT);
