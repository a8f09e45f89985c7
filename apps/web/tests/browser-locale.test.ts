import { describe, expect, it } from "vitest";
import { browserLocale } from "@/i18n/browser-locale";

describe("browserLocale", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "fr"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", "fr"],
    ["en;q=0.3, fr;q=0.8", "fr"],
    ["FR-ca", "fr"],
    ["de, fr;q=0", null],
    ["*", null],
    ["", null],
    [null, null],
  ])("%s → %s", (header, expected) => {
    expect(browserLocale(header)).toBe(expected);
  });
});
