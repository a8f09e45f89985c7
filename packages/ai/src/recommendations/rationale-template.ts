import type { ExplanationLanguage } from "../explanation";
import type { RecommendationFacts, RecommendationPattern } from "./recommendation-facts";

const WHY: Record<RecommendationPattern, Record<ExplanationLanguage, (f: RecommendationFacts) => string>> = {
  fraud_card_country: {
    en: (f) => `${f.count} payments with cards issued in ${f.value} turned out to be fraud.`,
    fr: (f) => `${f.count} paiements avec des cartes émises en ${f.value} se sont révélés frauduleux.`,
  },
  fraud_ip_country: {
    en: (f) => `${f.count} fraudulent payments came from IP addresses in ${f.value}.`,
    fr: (f) => `${f.count} paiements frauduleux venaient d’adresses IP situées en ${f.value}.`,
  },
  fraud_email_domain: {
    en: (f) => `${f.count} fraudulent payments used ${f.value} email addresses.`,
    fr: (f) => `${f.count} paiements frauduleux utilisaient des adresses ${f.value}.`,
  },
  disposable_email: {
    en: (f) => `${f.count} fraudulent payments used disposable email addresses.`,
    fr: (f) => `${f.count} paiements frauduleux utilisaient des adresses email jetables.`,
  },
  card_velocity: {
    en: (f) => `One card was tried up to ${f.count} times within an hour.`,
    fr: (f) => `Une même carte a été essayée jusqu’à ${f.count} fois en une heure.`,
  },
  ip_card_velocity: {
    en: (f) => `Up to ${f.count} different cards were tried from one IP address within an hour.`,
    fr: (f) =>
      `Jusqu’à ${f.count} cartes différentes ont été essayées depuis une même adresse IP en une heure.`,
  },
  repeated_amount: {
    en: (f) => `The same small amount was declined ${f.count} times within 10 minutes, a card-testing sign.`,
    fr: (f) => `Le même petit montant a été refusé ${f.count} fois en 10 minutes, signe de test de cartes.`,
  },
};

/** The rationale without an LLM (no key, AI off, budget spent, or no provider answered), marked as a template. */
export function recommendationRationaleTemplate(facts: RecommendationFacts): string {
  const why = WHY[facts.pattern][facts.language](facts);
  return `${why} ${BACKTEST[facts.language](facts)}`;
}

/**
 * The 90-day backtest in a sentence. Payments count as legitimate only 120 days after they were made (or when
 * the merchant marks them), so a hit with neither label is unjudged, not innocent: say so instead of "0 and 0".
 */
const BACKTEST: Record<ExplanationLanguage, (f: RecommendationFacts) => string> = {
  fr: (f) =>
    f.hits > 0 && f.fraudHits + f.legitimateHits === 0
      ? `Sur 90 jours, la règle aurait touché ${f.hits} paiements sur ${f.payments}, dont aucun n’est encore jugé : un paiement compte comme légitime 120 jours après, ou quand vous le marquez.`
      : `Sur 90 jours, la règle aurait touché ${f.hits} paiements sur ${f.payments} : ${f.fraudHits} frauduleux (${f.fraudAmount}) et ${f.legitimateHits} marqués légitimes (${f.legitimateAmount}).`,
  en: (f) =>
    f.hits > 0 && f.fraudHits + f.legitimateHits === 0
      ? `Over 90 days the rule would have hit ${f.hits} of ${f.payments} payments, none of them judged yet: a payment counts as legitimate 120 days after it was made, or when you mark it.`
      : `Over 90 days the rule would have hit ${f.hits} of ${f.payments} payments: ${f.fraudHits} fraudulent (${f.fraudAmount}) and ${f.legitimateHits} marked legitimate (${f.legitimateAmount}).`,
};
