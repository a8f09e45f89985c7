"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { THEME_COOKIE, THEMES } from "@/components/theme";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/dictionary";

const YEAR = 365 * 24 * 3600;
const Preference = z.discriminatedUnion("name", [
  z.object({ name: z.literal("theme"), value: z.enum(THEMES) }),
  z.object({ name: z.literal("locale"), value: z.enum(Object.keys(LOCALES) as [keyof typeof LOCALES]) }),
]);

// Server action — remember this browser's theme or language (a cookie the server renders with).
export async function setPreference(input: z.input<typeof Preference>): Promise<void> {
  const { name, value } = Preference.parse(input);
  (await cookies()).set(name === "theme" ? THEME_COOKIE : LOCALE_COOKIE, value, {
    path: "/",
    maxAge: YEAR,
    sameSite: "lax",
  });
}
