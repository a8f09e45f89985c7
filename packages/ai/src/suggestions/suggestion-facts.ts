import { z } from "zod";
import { ExplanationLanguage } from "../explanation";

export const SuggestionKind = z.enum(["whitelist", "blacklist"]);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

/** Why a value is suggested: a whitelist from trusted history, a blacklist from one of three fraud signals. */
export const SuggestionSignal = z.enum([
  "trusted_history",
  "card_testing",
  "repeated_disputes",
  "fraud_label",
]);
export type SuggestionSignal = z.infer<typeof SuggestionSignal>;

/** What the suggested value is: a customer (its Stripe id or email hash) or an IP address. */
export const SuggestionSubject = z.enum(["customer", "ip_address"]);
export type SuggestionSubject = z.infer<typeof SuggestionSubject>;

/** The counts a suggestion rests on; the placeholders its reasoning may cite. */
export const SuggestionFactName = z.enum([
  "trust_score",
  "settled_payments",
  "history_days",
  "disputes",
  "fraud_labels",
  "blocked_attempts",
  "distinct_cards",
  "window_days",
]);
export type SuggestionFactName = z.infer<typeof SuggestionFactName>;

/**
 * Everything an LLM or the templates see of a suggestion: its kind, signal, subject type and counts. Never the
 * value itself (a customer id, an IP) nor anything else personal (ARCHITECTURE §6).
 */
export const SuggestionFacts = z
  .object({
    kind: SuggestionKind,
    signal: SuggestionSignal,
    subject: SuggestionSubject,
    language: ExplanationLanguage,
    facts: z.partialRecord(SuggestionFactName, z.number().int().min(0)),
  })
  .strict();
export type SuggestionFacts = z.infer<typeof SuggestionFacts>;
