/** The locales the dashboard is written in (the dictionaries' keys). */
const WRITTEN = new Set(["en", "fr"]);

/**
 * The browser's most preferred language that the dashboard is written in (`Accept-Language`, by `q` then
 * order), or null when it names none of them.
 */
export function browserLocale(acceptLanguage: string | null | undefined): "en" | "fr" | null {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...parameters] = entry.trim().split(";");
      const weight = parameters.map((parameter) => parameter.trim()).find((p) => p.startsWith("q="));
      const q = weight === undefined ? 1 : Number(weight.slice(2));
      return { base: tag.slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((language) => language.q > 0 && WRITTEN.has(language.base))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked[0]?.base;
  return first === "en" || first === "fr" ? first : null;
}
