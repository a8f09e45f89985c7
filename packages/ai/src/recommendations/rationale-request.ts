import { z } from "zod";
import type { LlmRequest } from "../providers";
import type { RecommendationFacts } from "./recommendation-facts";

/** Bump when the prompt or the template changes: the feedback ledger compares versions. */
export const RECOMMENDATION_PROMPT_VERSION = "recommend-v2";

export const RecommendationRationale = z.object({ rationale: z.string().min(1).max(1200) });
export type RecommendationRationale = z.infer<typeof RecommendationRationale>;

const LANGUAGE_NAMES = { fr: "French", en: "English" } as const;

const SYSTEM = `You explain to a merchant, in two or three plain sentences, why a fraud rule is recommended for
their shop: the pattern seen in their payments, and what the rule would have done over the last 90 days.
Use only the figures given; do not invent any. Do not rewrite the rule. Answer with the structured output only.`;

/** The LLM only writes prose; the rule, its pattern and its backtest come from our code. */
export function recommendationRationaleRequest(
  facts: RecommendationFacts,
): LlmRequest<RecommendationRationale> {
  const { language, ...visible } = facts;
  return {
    feature: "recommendation",
    system: `${SYSTEM}\nWrite in ${LANGUAGE_NAMES[language]}.`,
    user: JSON.stringify(visible),
    schemaName: "recommendation_rationale",
    schema: RecommendationRationale,
  };
}
