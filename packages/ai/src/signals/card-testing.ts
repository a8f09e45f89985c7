import type { ExplanationLanguage } from "../explanation";
import { formatAmount, formatNumber, formatPercent, plural } from "../format";
import { codeAt, type Evidence, matchKey, numberAt, type SignalTemplate } from "./evidence";
import { entityPhrase, joinClauses, WINDOW_PATTERN, windowPhrase } from "./phrases";

const CARD_COUNT = new RegExp(`^card_count_for_(ip_address|email|customer)_${WINDOW_PATTERN}$`);

const LABELS = {
  card_testing_enumeration: { en: "card testing", fr: "test de cartes" },
  card_testing_many_cards: { en: "many cards from one source", fr: "nombreuses cartes d'une même source" },
  card_testing_repeated_declines: { en: "repeated declines", fr: "refus répétés" },
} as const;

/** "5 of 8 attempts … declined (63%), this one included". */
function declines(evidence: Evidence, where: string, language: ExplanationLanguage): string | null {
  const declined = numberAt(evidence, "declines_including_this");
  const attempts = numberAt(evidence, "attempts_including_this");
  if (declined === null || attempts === null || attempts === 0) return null;
  const d = formatNumber(declined, language);
  const a = formatNumber(attempts, language);
  const share = formatPercent(numberAt(evidence, "failure_ratio") ?? declined / attempts, language);
  return language === "fr"
    ? `${d} ${plural(declined, language, "tentative refusée", "tentatives refusées")} sur ${a}${where} (${share}), celle-ci comprise`
    : `${d} of ${a} attempts${where} declined (${share}), this one included`;
}

function tinyAmount(evidence: Evidence, language: ExplanationLanguage): string | null {
  const amount = numberAt(evidence, "amount");
  const limit = numberAt(evidence, "tiny_amount_limit");
  const currency = codeAt(evidence, "currency");
  if (evidence.tiny_amount !== true || amount === null || limit === null || !currency) return null;
  return language === "fr"
    ? `montant minime : ${formatAmount(amount, currency, language)} (seuil ${formatAmount(limit, currency, language)})`
    : `tiny amount: ${formatAmount(amount, currency, language)} (threshold ${formatAmount(limit, currency, language)})`;
}

/** `card_testing_enumeration` / `card_testing_many_cards`: distinct cards from one IP, email or customer. */
function manyCards(evidence: Evidence, language: ExplanationLanguage): string | null {
  const found = matchKey(evidence, CARD_COUNT);
  const cards = found ? numberAt(evidence, found.key) : null;
  const source = entityPhrase(found?.groups[0], language);
  const window = windowPhrase(found?.groups[1], language);
  if (cards === null || !source || !window) return null;
  const n = formatNumber(cards, language);
  const head =
    language === "fr"
      ? `${n} ${plural(cards, language, "carte différente déjà utilisée", "cartes différentes déjà utilisées")} ${source} ${window}`
      : `${n} different ${plural(cards, language, "card", "cards")} already used ${source} ${window}`;
  return joinClauses([head, declines(evidence, "", language), tinyAmount(evidence, language)], language);
}

/** `card_testing_repeated_declines`: a decline sequence on one card, IP, email, customer or device. */
function repeatedDeclines(evidence: Evidence, language: ExplanationLanguage): string | null {
  const source = entityPhrase(codeAt(evidence, "entity"), language);
  const window = windowPhrase(codeAt(evidence, "window"), language);
  if (!source || !window) return null;
  const sequence = declines(evidence, ` ${source} ${window}`, language);
  if (!sequence) return null;
  const code = codeAt(evidence, "decline_code");
  const codeClause = code && (language === "fr" ? `code de refus : ${code}` : `decline code: ${code}`);
  return joinClauses([sequence, codeClause], language);
}

export const cardTestingTemplate: SignalTemplate = {
  label: ({ reasonCode }) => LABELS[reasonCode as keyof typeof LABELS] ?? LABELS.card_testing_enumeration,
  evidence: ({ reasonCode, evidence }, language) =>
    reasonCode === "card_testing_repeated_declines"
      ? repeatedDeclines(evidence, language)
      : manyCards(evidence, language),
};
