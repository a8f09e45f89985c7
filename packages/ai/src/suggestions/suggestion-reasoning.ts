import { z } from "zod";
import type { ExplanationLanguage } from "../explanation";
import { formatNumber } from "../format";
import { renderText } from "../llm-explanation/render-draft";
import { LlmOutputError, type LlmRequest } from "../providers";
import { SuggestionFactName, type SuggestionFacts, type SuggestionSignal } from "./suggestion-facts";

/** Bump when the prompt or the templates change: the feedback ledger compares versions (A/B). */
export const SUGGESTION_PROMPT_VERSION = "suggest-v2";

/** What the model writes: one or two sentences, numbers as `{fact}` placeholders filled from the facts. */
export const SuggestionDraft = z.object({ reasoning: z.string() });
export type SuggestionDraft = z.infer<typeof SuggestionDraft>;

const SUBJECTS: Record<ExplanationLanguage, Record<SuggestionFacts["subject"], string>> = {
  en: { customer: "this customer", ip_address: "this IP address" },
  fr: { customer: "ce client", ip_address: "cette adresse IP" },
};

/**
 * The templates: the same placeholders the model is asked for, so both are rendered the same way. A customer
 * with one fraud label is the common case, and "1 payments" reads wrong in both languages.
 */
const TEMPLATES: Record<
  ExplanationLanguage,
  Record<SuggestionSignal, (subject: string, facts: SuggestionFacts["facts"]) => string>
> = {
  en: {
    trusted_history: () =>
      "Trust score {trust_score} and {settled_payments} settled payments over {history_days} days, without any dispute or fraud warning: allowing this customer keeps a loyal buyer from being blocked by mistake.",
    card_testing: (subject) =>
      `{blocked_attempts} payments from ${subject} were blocked as card testing in the last {window_days} days, with {distinct_cards} different cards: blocking it stops the next attempts outright.`,
    repeated_disputes: () =>
      "{disputes} disputes on this customer's payments: Orylo blocks a customer by itself at the third, blocking now avoids the next one.",
    fraud_label: (_subject, facts) =>
      facts.fraud_labels === 1
        ? "A payment of this customer was labelled fraud (dispute, early fraud warning or your mark): its card is already blocked, blocking the customer also stops its other cards."
        : "{fraud_labels} payments of this customer were labelled fraud (dispute, early fraud warning or your mark): its cards are already blocked, blocking the customer also stops its other cards.",
  },
  fr: {
    trusted_history: () =>
      "Score de confiance {trust_score} et {settled_payments} paiements réglés sur {history_days} jours, sans litige ni alerte de fraude : l'autoriser évite de bloquer par erreur un client fidèle.",
    card_testing: (subject) =>
      `{blocked_attempts} paiements de ${subject} ont été bloqués pour test de cartes ces {window_days} derniers jours, avec {distinct_cards} cartes différentes : le bloquer arrête net les tentatives suivantes.`,
    repeated_disputes: () =>
      "{disputes} litiges sur les paiements de ce client : Orylo le bloque de lui-même au troisième, le bloquer maintenant évite le suivant.",
    fraud_label: (_subject, facts) =>
      facts.fraud_labels === 1
        ? "Un paiement de ce client a été marqué frauduleux (litige, alerte de fraude ou votre marquage) : sa carte est déjà bloquée, bloquer le client arrête aussi ses autres cartes."
        : "{fraud_labels} paiements de ce client ont été marqués frauduleux (litige, alerte de fraude ou votre marquage) : ses cartes sont déjà bloquées, bloquer le client arrête aussi ses autres cartes.",
  },
};

const SYSTEM = `You explain to a merchant, in one or two short sentences, why a fraud-prevention tool suggests
putting a customer or an IP address on their allow list (whitelist) or block list (blacklist).
Answer with the structured output only.
- Use only the facts given. Write no digits at all: write every number as its fact's placeholder in
  braces, e.g. {trust_score} or {blocked_attempts}.
- Say what was seen and what the list will change. Never guess at who the customer is.`;

const LANGUAGE_NAMES = { fr: "French", en: "English" } as const;

export function suggestionRequest(facts: SuggestionFacts): LlmRequest<SuggestionDraft> {
  return {
    feature: "suggestion",
    system: `${SYSTEM}\nWrite in ${LANGUAGE_NAMES[facts.language]}.`,
    user: JSON.stringify(facts),
    schemaName: "suggestion",
    schema: SuggestionDraft,
  };
}

/**
 * The reasoning with this suggestion's own numbers. A placeholder the facts cannot fill, a literal digit or
 * an over-long text is ungrounded: `LlmOutputError`, so the chain moves on (and the templates stand in).
 */
export function renderSuggestionReasoning(draft: SuggestionDraft, facts: SuggestionFacts): string {
  const rendered = renderText(draft.reasoning, (name) => {
    const parsed = SuggestionFactName.safeParse(name);
    const value = parsed.success ? facts.facts[parsed.data] : undefined;
    return value === undefined ? null : formatNumber(value, facts.language);
  });
  if (rendered === null) throw new LlmOutputError("the reasoning is not grounded in the suggestion's facts");
  return rendered;
}

/** The deterministic reasoning, in the organization's language, when no LLM writes it. */
export function suggestionReasoningWithTemplates(facts: SuggestionFacts): string {
  const template = TEMPLATES[facts.language][facts.signal](
    SUBJECTS[facts.language][facts.subject],
    facts.facts,
  );
  return renderSuggestionReasoning({ reasoning: template }, facts);
}
