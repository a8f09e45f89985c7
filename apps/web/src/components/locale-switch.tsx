"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setPreference } from "@/app/(dashboard)/preferences-actions";
import type { Locale } from "@/i18n/dictionary";

const NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** The user's own language, over the organization's: saved in a cookie, applied by re-rendering. */
export function LocaleSwitch({ locale, label }: { locale: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <select
      className="input"
      style={{ width: "auto", minHeight: "1.9rem", padding: "0.1rem 0.3rem" }}
      aria-label={label}
      value={locale}
      disabled={pending}
      onChange={(event) => {
        const value = event.target.value as Locale;
        startTransition(async () => {
          await setPreference({ name: "locale", value });
          router.refresh();
        });
      }}
    >
      {(Object.keys(NAMES) as Locale[]).map((code) => (
        <option key={code} value={code}>
          {NAMES[code]}
        </option>
      ))}
    </select>
  );
}
