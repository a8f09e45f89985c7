import { type Detector, hit, noHit, UNEXPLAINED } from "./detector";

/**
 * Stripe Radar's own verdict, passed through. A payment Radar blocked, or scored `highest` (which Radar
 * blocks by default), is BLOCK-level on its own; `elevated` or a Radar review is REVIEW-level.
 */
const OUTCOME_SCORES: Record<string, number> = { blocked: 85, manual_review: 35 };
const RISK_LEVEL_SCORES: Record<string, number> = { highest: 80, elevated: 35 };

export const radarPassthroughDetector: Detector = {
  name: "radar_passthrough",
  reads: [],
  detect(transaction, _features, _settings, explain = true) {
    const evidence = explain
      ? {
          outcome_type: transaction.outcomeType,
          radar_risk_level: transaction.radarRiskLevel,
          radar_risk_score: transaction.radarRiskScore,
        }
      : UNEXPLAINED.evidence;
    const outcome = transaction.outcomeType === null ? 0 : (OUTCOME_SCORES[transaction.outcomeType] ?? 0);
    const level =
      transaction.radarRiskLevel === null ? 0 : (RISK_LEVEL_SCORES[transaction.radarRiskLevel] ?? 0);
    if (outcome === 0 && level === 0)
      return noHit("radar_not_flagged", evidence, "Stripe Radar did not flag this payment.");
    if (outcome >= level)
      return hit(
        outcome,
        `radar_outcome_${transaction.outcomeType}`,
        evidence,
        `Stripe Radar outcome: ${transaction.outcomeType}.`,
      );
    return hit(
      level,
      `radar_risk_${transaction.radarRiskLevel}`,
      evidence,
      `Stripe Radar risk level: ${transaction.radarRiskLevel}.`,
    );
  },
};
