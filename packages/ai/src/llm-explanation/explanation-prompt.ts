import { z } from "zod";
import type { LlmRequest } from "../providers";
import type { ExplanationFacts } from "./explanation-facts";

/**
 * What the model writes: prose only. Numbers are placeholders (`{risk_score}`, `{amount}`, or one of the
 * factor's evidence keys) rendered from each detection's own trace, so a cached structure serves every
 * payment with the same pattern. Weights, confidence and the recommended action come from the engine.
 */
export const ExplanationDraft = z.object({
  summary: z.string(),
  factors: z.array(z.object({ signal: z.string(), evidence: z.string() })),
});
export type ExplanationDraft = z.infer<typeof ExplanationDraft>;

const LANGUAGE_NAMES = { fr: "French", en: "English" } as const;

const SYSTEM = `You explain a fraud-detection decision on one card payment to the merchant, in plain language.
Answer with the structured output only.
- summary: two short sentences: what was decided and why.
- factors: one per signal that matters, strongest first; "signal" is copied exactly from the input;
  "evidence" says in one sentence what was seen and why it matters.
- Write no digits at all. Write every number as a placeholder in braces: {risk_score}, {amount} (the
  payment's amount with its currency), or, inside a factor, one of that signal's fact names, e.g. {count}.
- Cite only signals present in the input. Never guess at the customer's identity.`;

export function explanationRequest(facts: ExplanationFacts): LlmRequest<ExplanationDraft> {
  const { promptVersion: _version, ...visible } = facts;
  return {
    feature: "explanation",
    system: `${SYSTEM}\nWrite in ${LANGUAGE_NAMES[facts.language]}.`,
    user: JSON.stringify(visible),
    schemaName: "explanation",
    schema: ExplanationDraft,
  };
}
