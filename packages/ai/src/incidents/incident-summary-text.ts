import type { ExplanationLanguage } from "../explanation";
import { formatAmount, formatList, formatNumber } from "../format";

/** The figures of a card-testing incident, with nothing that identifies a person or a card. */
export interface IncidentFacts {
  startedAt: Date;
  attempts: number;
  blocked: number;
  distinctCards: number;
  /** Minor units by lowercase currency. */
  amountBlocked: Record<string, number>;
  suggestedRule: string;
  suggestedRuleExpiresAt: Date;
}

/** `2026-11-24 14:05 UTC`: an email has no time zone of its own; UTC is stated, never implied. */
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The incident summary as a template writes it (the alert email and the alerts page), in French or English:
 * what, since when, how many attempts were blocked, the amount protected and a temporary rule to consider.
 */
export function incidentSummaryText(facts: IncidentFacts, language: ExplanationLanguage): string {
  const n = (value: number) => formatNumber(value, language);
  const amounts = Object.entries(facts.amountBlocked)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => formatAmount(minor, currency, language));
  const protectedAmount = formatList(amounts, language) || formatAmount(0, "eur", language);
  return language === "fr"
    ? [
        `Attaque de test de cartes en cours depuis ${utc(facts.startedAt)}.`,
        `${n(facts.blocked)} tentatives bloquées sur ${n(facts.attempts)} (${n(facts.distinctCards)} cartes différentes), ${protectedAmount} protégés.`,
        `Règle temporaire suggérée, jusqu’au ${utc(facts.suggestedRuleExpiresAt)} : ${facts.suggestedRule}`,
        "Vérifiez-la dans l’éditeur de règles d’Orylo (en mode observation d’abord si vous préférez) avant de l’activer.",
      ].join("\n")
    : [
        `Card-testing attack in progress since ${utc(facts.startedAt)}.`,
        `${n(facts.blocked)} of ${n(facts.attempts)} attempts blocked (${n(facts.distinctCards)} different cards), ${protectedAmount} protected.`,
        `Suggested temporary rule, until ${utc(facts.suggestedRuleExpiresAt)}: ${facts.suggestedRule}`,
        "Review it in Orylo's rules editor (in shadow mode first if you prefer) before enabling it.",
      ].join("\n");
}
