import type { SuggestionFacts } from "./suggestion-facts";

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * How sure a suggestion is before any feedback (0–1), from the strength of its evidence: more history for a
 * whitelist, more attempts, disputes or labels for a blacklist. `calibrateConfidence` then scales it by how
 * merchants answered this kind of suggestion.
 */
export function baseConfidence({ signal, facts }: SuggestionFacts): number {
  const n = (name: keyof SuggestionFacts["facts"]) => facts[name] ?? 0;
  switch (signal) {
    case "trusted_history":
      return round2(
        0.6 +
          0.2 * clamp((n("trust_score") - 80) / 20, 0, 1) +
          0.15 * clamp((n("history_days") - 30) / 150, 0, 1),
      );
    case "card_testing":
      return round2(
        clamp(0.7 + 0.03 * (n("blocked_attempts") - 3) + 0.02 * (n("distinct_cards") - 3), 0.7, 0.95),
      );
    case "repeated_disputes":
      return round2(clamp(0.75 + 0.1 * (n("disputes") - 2), 0.75, 0.95));
    case "fraud_label":
      return round2(clamp(0.6 + 0.1 * (n("fraud_labels") - 1), 0.6, 0.9));
  }
}

/** What merchants answered for one kind of proposal: `taken` counts accepts and edits. */
export interface FeedbackCounts {
  taken: number;
  rejected: number;
}

/** The acceptance rate assumed before any feedback, and how many answers it weighs as. */
const PRIOR_RATE = 0.7;
const PRIOR_WEIGHT = 5;

/**
 * The factor a kind's confidence is multiplied by: its acceptance rate smoothed towards the prior (so a few
 * answers move it a little, many answers a lot), relative to the prior, within [0.5, 1.25]. 1 without feedback.
 */
export function confidenceScale({ taken, rejected }: FeedbackCounts): {
  acceptanceRate: number;
  scale: number;
} {
  const acceptanceRate = (taken + PRIOR_RATE * PRIOR_WEIGHT) / (taken + rejected + PRIOR_WEIGHT);
  return { acceptanceRate, scale: clamp(acceptanceRate / PRIOR_RATE, 0.5, 1.25) };
}

/** A suggestion's confidence once scaled, kept within [0.05, 0.99]: never certain, never nothing. */
export function calibrateConfidence(base: number, scale: number): number {
  return round2(clamp(base * scale, 0.05, 0.99));
}
