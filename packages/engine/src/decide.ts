import type { Decision, RuleHit } from "./evaluation";
import type { ListHit } from "./lists/action-lists";
import type { EngineSettings } from "./settings";

/** Kinds in precedence order; `request_3ds` is last because it never decides (nor stops evaluation). */
const ACTION_RANK: Readonly<Record<RuleHit["action"], number>> = {
  allow: 0,
  block: 1,
  review: 2,
  request_3ds: 3,
};
const DECISION_OF = { allow: "ALLOW", block: "BLOCK", review: "REVIEW" } as const;

/** Hits in precedence order: enforced before shadow, then by kind, then higher priority, then rule id. */
export function rankRuleHits(ruleHits: readonly RuleHit[]): RuleHit[] {
  return [...ruleHits].sort(
    (a, b) =>
      Number(a.shadow) - Number(b.shadow) ||
      ACTION_RANK[a.action] - ACTION_RANK[b.action] ||
      b.priority - a.priority ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** The enforced rule hit that decides, if any: shadow and `request_3ds` hits never do. */
export function decidingRuleHit(ruleHits: readonly RuleHit[]): RuleHit | null {
  const [first] = rankRuleHits(ruleHits.filter((hit) => !hit.shadow && hit.action !== "request_3ds"));
  return first ?? null;
}

/**
 * Precedence (ARCHITECTURE §4): allow lists, then block lists, then enforced allow rules, block rules,
 * review rules, then the organization's score thresholds. Shadow rules and `request_3ds` (pre-payment
 * API) never decide.
 */
export function decide(
  riskScore: number,
  ruleHits: readonly RuleHit[],
  settings: EngineSettings,
  listHits: readonly ListHit[] = [],
): Decision {
  if (listHits.some((hit) => hit.action === "allow")) return "ALLOW";
  if (listHits.some((hit) => hit.action === "block")) return "BLOCK";
  const deciding = decidingRuleHit(ruleHits);
  if (deciding && deciding.action !== "request_3ds") return DECISION_OF[deciding.action];
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
