import { toMajorUnits } from "@orylo/engine";

/** Minor units as the locale writes money; `—` when the payment has no amount. */
export function formatMoney(amountMinor: number | null, currency: string | null, locale: string): string {
  if (amountMinor === null || currency === null) return "—";
  return formatMajor(toMajorUnits(amountMinor, currency), currency, locale);
}

export function formatMajor(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(
    amount,
  );
}

// A 24-hour clock in every language: a column of times keeps one width and reads at a glance at 2 a.m.
export function formatTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "short",
    timeStyle: "medium",
    hour12: false,
  }).format(new Date(iso));
}
