"use client";

import { useState } from "react";
import { setPreference } from "@/app/(dashboard)/preferences-actions";
import type { Dictionary } from "@/i18n/en";
import { THEMES, type Theme } from "./theme";

/** Cycles system → light → dark; the cookie lets the server render the same theme on the next page. */
export function ThemeToggle({ initial, labels }: { initial: Theme; labels: Dictionary["theme"] }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? "system";
  const apply = () => {
    setTheme(next);
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    void setPreference({ name: "theme", value: next });
  };
  return (
    <button
      type="button"
      className="button ghost small"
      onClick={apply}
      aria-label={`${labels.label}: ${labels[theme]}`}
    >
      {theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"}{" "}
      <span className="sr-only">{labels[theme]}</span>
    </button>
  );
}
