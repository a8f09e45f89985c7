import { formatNumber } from "../format";
import { codeAt, type Localized, numberAt, type SignalTemplate } from "./evidence";

const OUTCOMES: Record<string, Localized> = {
  blocked: { en: "Stripe Radar blocked this payment", fr: "Stripe Radar a bloqué ce paiement" },
  manual_review: {
    en: "Stripe Radar sent this payment to manual review",
    fr: "Stripe Radar a placé ce paiement en revue manuelle",
  },
};
const LEVELS: Record<string, Localized> = {
  highest: { en: "highest", fr: "maximal" },
  elevated: { en: "elevated", fr: "élevé" },
  normal: { en: "normal", fr: "normal" },
  not_assessed: { en: "not assessed", fr: "non évalué" },
  unknown: { en: "unknown", fr: "inconnu" },
};

/** `radar_outcome_*` / `radar_risk_*`: { outcome_type, radar_risk_level, radar_risk_score }. */
export const radarPassthroughTemplate: SignalTemplate = {
  label: () => ({ en: "Stripe Radar", fr: "Stripe Radar" }),
  evidence({ evidence }, language) {
    const outcome = codeAt(evidence, "outcome_type");
    const level = codeAt(evidence, "radar_risk_level");
    const score = numberAt(evidence, "radar_risk_score");
    const levelText = level ? (LEVELS[level]?.[language] ?? level) : null;
    const scoreText = score === null ? null : formatNumber(score, language);
    const outcomeText = outcome ? OUTCOMES[outcome]?.[language] : undefined;
    if (outcomeText) {
      const details = [
        levelText && (language === "fr" ? `niveau de risque ${levelText}` : `risk level ${levelText}`),
        scoreText && (language === "fr" ? `score Radar ${scoreText}` : `Radar score ${scoreText}`),
      ].filter(Boolean);
      return details.length > 0 ? `${outcomeText} (${details.join(", ")})` : outcomeText;
    }
    if (!levelText) return null;
    const rated =
      language === "fr"
        ? `Stripe Radar évalue le risque comme ${levelText}`
        : `Stripe Radar rates the risk ${levelText}`;
    if (!scoreText) return rated;
    return language === "fr" ? `${rated} (score Radar ${scoreText})` : `${rated} (Radar score ${scoreText})`;
  },
};
