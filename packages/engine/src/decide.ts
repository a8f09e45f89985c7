import type { Decision, RuleHit } from "./evaluation";
import type { EngineSettings } from "./settings";

/**
 * Precedence (ARCHITECTURE §4): enforced allow rules, then block rules, then review rules, then the
 * organization's score thresholds. Shadow rules and `request_3ds` (pre-payment API) never decide.
 * Lists will slot in ahead of rules when they arrive.
 */
export function decide(riskScore: number, ruleHits: readonly RuleHit[], settings: EngineSettings): Decision {
  const enforced = new Set(ruleHits.filter((ruleHit) => !ruleHit.shadow).map((ruleHit) => ruleHit.action));
  if (enforced.has("allow")) return "ALLOW";
  if (enforced.has("block")) return "BLOCK";
  if (enforced.has("review")) return "REVIEW";
  if (riskScore >= settings.blockThreshold) return "BLOCK";
  if (riskScore >= settings.reviewThreshold) return "REVIEW";
  return "ALLOW";
}

/**
 * How sure the engine is of its decision, 0-1: the share of detectors that ran (a failed detector is
 * missing evidence), times how far the score sits from the nearest threshold (a score right on a
 * threshold is a coin flip: 0.5; 20 points or more away: 1).
 */
export function computeConfidence(
  riskScore: number,
  ranDetectors: number,
  allDetectors: number,
  settings: EngineSettings,
): number {
  const completeness = allDetectors === 0 ? 0 : ranDetectors / allDetectors;
  const distance = Math.min(
    Math.abs(riskScore - settings.blockThreshold),
    Math.abs(riskScore - settings.reviewThreshold),
  );
  const decisiveness = Math.min(1, 0.5 + distance / 40);
  return Math.round(completeness * decisiveness * 1000) / 1000;
}
