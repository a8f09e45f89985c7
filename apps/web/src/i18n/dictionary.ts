import { cookies, headers } from "next/headers";
import { browserLocale } from "./browser-locale";
import { type Dictionary, en } from "./en";
import { fr } from "./fr";

export const LOCALES = { en, fr } as const;
export type Locale = keyof typeof LOCALES;
export const LOCALE_COOKIE = "orylo-locale";

/** `fr`, `fr-FR` → `fr`; anything we do not write → `en`. */
export function toLocale(value: string | null | undefined): Locale {
  const base = value?.slice(0, 2).toLowerCase();
  return base === "fr" ? "fr" : "en";
}

/**
 * The user's own choice (a cookie) first, then their browser's languages, then the organization's locale
 * (which is also the language its explanations are written in).
 */
export async function resolveLocale(organizationLocale?: string): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (chosen) return toLocale(chosen);
  return browserLocale((await headers()).get("accept-language")) ?? toLocale(organizationLocale);
}

export function dictionary(locale: Locale): Dictionary {
  return LOCALES[locale];
}
