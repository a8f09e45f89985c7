import type { ExplanationLanguage } from "./explanation";

/**
 * Number formatting written out by hand rather than through Intl: explanations must be byte-for-byte
 * deterministic (tests, the future explanation cache), and ICU's French spacing varies across Node builds.
 */
const NBSP = "\u00a0";
const SEPARATORS = {
  en: { group: ",", decimal: "." },
  fr: { group: NBSP, decimal: "," },
} as const;

export function formatNumber(value: number, language: ExplanationLanguage, decimals = 0): string {
  const { group, decimal } = SEPARATORS[language];
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction ? `${decimal}${fraction}` : ""}`;
}

/** At most one decimal, without a trailing zero: 6.2, 3, 0.5. */
export function formatDecimal(value: number, language: ExplanationLanguage): string {
  const rounded = Math.round(value * 10) / 10;
  return formatNumber(rounded, language, Number.isInteger(rounded) ? 0 : 1);
}

export function formatPercent(ratio: number, language: ExplanationLanguage): string {
  const percent = formatNumber(Math.round(ratio * 100), language);
  return language === "fr" ? `${percent}${NBSP}%` : `${percent}%`;
}

/** Currencies without minor units (Stripe's list) and with three. */
const ZERO_DECIMAL = new Set("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf".split(" "));
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** Minor units of `currency` → "1,250.00 EUR" / "1 250,00 EUR". */
export function formatAmount(minor: number, currency: string, language: ExplanationLanguage): string {
  const code = currency.toLowerCase();
  const exponent = ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
  return `${formatNumber(minor / 10 ** exponent, language, exponent)} ${code.toUpperCase()}`;
}

/** "a", "a and b", "a, b and c" / "a, b et c". */
export function formatList(items: readonly string[], language: ExplanationLanguage): string {
  const and = language === "fr" ? "et" : "and";
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

/** French counts 0 and 1 as singular, English only 1. */
export function plural(count: number, language: ExplanationLanguage, one: string, many: string): string {
  const singular = language === "fr" ? Math.abs(count) < 2 : count === 1;
  return singular ? one : many;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
