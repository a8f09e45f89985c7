import { SuggestionKind } from "@orylo/ai";
import { type SuggestionRow, suggestionKind, suggestionStatus } from "@orylo/db";
import { z } from "zod";
import { PageQueryFields } from "../pagination";

export const SuggestionStatus = z.enum(suggestionStatus.enumValues);

export const ListSuggestionsQuery = z
  .object({
    status: SuggestionStatus.default("pending").meta({ description: "Default `pending`: the inbox." }),
    kind: z.enum(suggestionKind.enumValues).optional(),
    ...PageQueryFields,
  })
  .strict();
export type ListSuggestionsQuery = z.input<typeof ListSuggestionsQuery>;

export const SuggestionView = z.object({
  id: z.string(),
  kind: z.enum(suggestionKind.enumValues).meta({
    description: "`whitelist`: put `value` on the allow list; `blacklist`: on the block list.",
  }),
  signal: z.string().meta({
    description: "`trusted_history`, `card_testing`, `repeated_disputes` or `fraud_label`.",
  }),
  subject: z
    .string()
    .meta({ description: "The list kind of `value`: `customer` (its key) or `ip_address`." }),
  value: z.string(),
  facts: z.record(z.string(), z.number()),
  confidence: z
    .number()
    .meta({ description: "0–1, recalibrated daily from how merchants answered this kind." }),
  reasoning: z.string(),
  reasoningSource: z.enum(["llm", "template"]),
  promptVersion: z.string(),
  status: SuggestionStatus,
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const SuggestionList = z.object({ data: z.array(SuggestionView), nextCursor: z.string().nullable() });
export type SuggestionList = z.infer<typeof SuggestionList>;

export const RejectSuggestionInput = z
  .object({
    reason: z.string().trim().min(1).max(1000).meta({ description: "Why: it calibrates the next ones." }),
  })
  .strict();
export type RejectSuggestionInput = z.input<typeof RejectSuggestionInput>;

export const EditSuggestionInput = z
  .object({
    value: z
      .string()
      .trim()
      .min(1)
      .max(320)
      .optional()
      .meta({ description: "A corrected value of the same kind." }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .optional()
      .meta({ description: "Keep the value on the list until then only." }),
  })
  .strict()
  .refine((input) => input.value !== undefined || input.expiresAt !== undefined, {
    message: "Give `value`, `expiresAt` or both.",
  });
export type EditSuggestionInput = z.input<typeof EditSuggestionInput>;

export const RequestSuggestionsInput = z
  .object({
    kinds: z
      .array(SuggestionKind)
      .min(1)
      .meta({ description: "Which suggestions to look for now: `whitelist`, `blacklist` or both." }),
  })
  .strict();
export type RequestSuggestionsInput = z.input<typeof RequestSuggestionsInput>;

/** The list item an accepted or edited suggestion became. */
export const SuggestionDecision = z.object({
  suggestion: SuggestionView,
  listItem: z.object({ listId: z.string(), value: z.string() }).nullable().meta({
    description: "The item added to the list; `null` when the value was already on it.",
  }),
});
export type SuggestionDecision = z.infer<typeof SuggestionDecision>;

export function toSuggestionView(row: SuggestionRow): SuggestionView {
  return {
    id: row.id,
    kind: row.kind,
    signal: row.signal,
    subject: row.subject,
    value: row.value,
    facts: row.facts,
    confidence: row.confidence,
    reasoning: row.reasoning,
    reasoningSource: row.reasoningSource === "llm" ? "llm" : "template",
    promptVersion: row.promptVersion,
    status: row.status,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    createdAt: row.createdAt.toISOString(),
  };
}
