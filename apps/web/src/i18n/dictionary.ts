import { cookies } from "next/headers";
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

/** The user's own choice (a cookie) wins over the organization's locale. */
export async function resolveLocale(organizationLocale?: string): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return toLocale(chosen ?? organizationLocale);
}

export function dictionary(locale: Locale): Dictionary {
  return LOCALES[locale];
}
