import type { ExplanationLanguage } from "../explanation";

/** The patterns `rules.recommend` looks for; each has its own template sentence. */
export const RECOMMENDATION_PATTERNS = [
  "fraud_card_country",
  "fraud_ip_country",
  "fraud_email_domain",
  "disposable_email",
  "card_velocity",
  "ip_card_velocity",
  "repeated_amount",
] as const;
export type RecommendationPattern = (typeof RECOMMENDATION_PATTERNS)[number];

/**
 * What a rationale is written from: the rule, the pattern's figures and the backtest's. Country codes, a
 * free-mail or disposable provider's domain and counts only: never a card, an email address or an IP.
 */
export interface RecommendationFacts {
  rule: string;
  pattern: RecommendationPattern;
  /** The value the pattern is about (a country code, a provider's domain), or null. */
  value: string | null;
  /** The pattern's main count: fraud payments, attempts per card or IP, repeated declines. */
  count: number;
  /** Payments judged by the backtest over 90 days, and what the rule hit among them. */
  payments: number;
  hits: number;
  fraudHits: number;
  legitimateHits: number;
  fraudAmount: string;
  legitimateAmount: string;
  language: ExplanationLanguage;
}
