import { describeCatalogue } from "@orylo/engine";
import { z } from "zod";
import type { ExplanationLanguage } from "../explanation";
import type { LlmRequest } from "../providers";

export const RULE_DRAFT_PROMPT_VERSION = "rule-draft-v1";

/** What the model writes: one rule in the rule language, and what it means in the merchant's words. */
export const RuleDraftOutput = z.object({
  rule: z.string().min(1).max(4000),
  reading: z.string().min(1).max(2000),
});
export type RuleDraftOutput = z.infer<typeof RuleDraftOutput>;

/** A rejected attempt, fed back so the model can fix it: the parser's own words, with line and column. */
export interface RuleDraftRetry {
  rule: string;
  errors: readonly {
    message: string;
    line: number | null;
    column: number | null;
    suggestion: string | null;
  }[];
}

const LANGUAGE_NAMES = { fr: "French", en: "English" } as const;

/** The catalogue as the model needs it, one attribute a line; built once (it does not change at run time). */
const ATTRIBUTES = describeCatalogue()
  .map((entry) => `:${entry.name}: (${entry.type}${entry.unit ? `, ${entry.unit}` : ""}) ${entry.meaning}`)
  .join("\n");

const SYSTEM = `You turn a merchant's sentence into ONE fraud rule in Orylo's rule language (Stripe Radar syntax).
Syntax: "{Action} if {condition}". Actions: Allow, Review, Block, Request 3D Secure.
Conditions compare :attribute: values with = != < > <= >= IN INCLUDES LIKE, combine them with AND, OR, NOT and
parentheses; strings in single quotes; lists as ('a', 'b'); a named list as @name; is_missing(:attribute:).
Amounts: :amount_in_eur: (or another currency code) in major units.
Use only these attributes:
${ATTRIBUTES}
Tokens like value_1 stand for values the merchant wrote: copy them as quoted strings ('value_1').
Answer with the structured output only: "rule" is the rule text, "reading" says in one or two plain sentences
what the rule does, for the merchant.`;

export function ruleDraftRequest(input: {
  sentence: string;
  language: ExplanationLanguage;
  retry?: RuleDraftRetry;
}): LlmRequest<RuleDraftOutput> {
  const retry = input.retry
    ? `\n\nYour previous rule was rejected by the parser:\n${input.retry.rule}\n${input.retry.errors
        .map(
          (error) =>
            `- line ${error.line ?? "?"}, column ${error.column ?? "?"}: ${error.message}${
              error.suggestion ? ` (did you mean :${error.suggestion}:?)` : ""
            }`,
        )
        .join("\n")}\nWrite a corrected rule.`
    : "";
  return {
    feature: "rule_draft",
    system: `${SYSTEM}\nWrite the reading in ${LANGUAGE_NAMES[input.language]}.`,
    user: `Merchant's sentence: ${input.sentence}${retry}`,
    schemaName: "rule_draft",
    schema: RuleDraftOutput,
  };
}
