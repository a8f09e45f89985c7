import { z } from "zod";

/** The languages explanations are written in (the organization's `locale`); English is the fallback. */
export const ExplanationLanguage = z.enum(["fr", "en"]);
export type ExplanationLanguage = z.infer<typeof ExplanationLanguage>;
export const DEFAULT_EXPLANATION_LANGUAGE: ExplanationLanguage = "en";

/** `fr`, `fr-FR`, `fr_CA` → `fr`; anything we do not write in → English. */
export function explanationLanguageFor(locale: string | null | undefined): ExplanationLanguage {
  const language = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  const parsed = ExplanationLanguage.safeParse(language);
  return parsed.success ? parsed.data : DEFAULT_EXPLANATION_LANGUAGE;
}

export const RecommendedAction = z.enum(["allow", "review", "block", "monitor"]);
export type RecommendedAction = z.infer<typeof RecommendedAction>;

export const ExplanationFactor = z.object({
  /** The reason code of a detector that hit: it must be present in the detection's trace. */
  signal: z.string().min(1),
  /** What the detector saw, in the explanation's language: counts, ratios and codes, never personal data. */
  evidence: z.string().min(1),
  /** The detector's own score / 100, taken from the trace (never from a model). */
  weight: z.number().min(0).max(1),
});
export type ExplanationFactor = z.infer<typeof ExplanationFactor>;

/** A decision in plain language: what templates produce today, and what an LLM's output must parse as. */
export const Explanation = z.object({
  summary: z.string().min(1),
  factors: z.array(ExplanationFactor),
  recommendedAction: RecommendedAction,
  confidence: z.number().min(0).max(1),
  language: ExplanationLanguage,
  source: z.enum(["template", "llm"]),
});
export type Explanation = z.infer<typeof Explanation>;
