import { computeConfidence, decide, rankRuleHits } from "./decide";
import type { Detector } from "./detectors/detector";
import { DETECTORS } from "./detectors/registry";
import { type Contribution, ENGINE_VERSION, type Evaluation, type RuleHit } from "./evaluation";
import type { FeatureVector } from "./features/catalogue";
import { FeatureNotProvidedError } from "./features/projection";
import { type ActionList, matchActionLists } from "./lists/action-lists";
import type { RuleInput } from "./rules/evaluate-condition";
import { evaluateRules } from "./rules/evaluate-rules";
import type { Rule } from "./rules/rule";
import { combineScores } from "./score";
import type { EngineSettings } from "./settings";
import type { Transaction } from "./transaction";

export type EvaluateOptions = {
  /** Defaults to every registered detector; tests pass their own. */
  detectors?: readonly Detector[];
  /**
   * What those detectors found for this payment, when already known: a backtest evaluates each payment with
   * two rule sets (candidate and baseline), and the detectors do not depend on the rules.
   */
  contributions?: Contribution[];
  /**
   * Build each detector's evidence and message (default true). A backtest reports only scores, statuses and
   * reason codes, so it skips them (`Detector.detect`'s `explain`).
   */
  explain?: boolean;
  /** The organization's rules; none by default. Disabled ones are skipped, expired ones traced as such. */
  rules?: readonly Rule[];
  /** Lists rules read as `@name`. */
  lists?: RuleInput["lists"];
  /** The organization's allow and block lists, which decide ahead of rules (only the values that may match are needed). */
  actionLists?: readonly ActionList[];
  customerMetadata?: RuleInput["customerMetadata"];
  /** When rule expiry is judged; defaults to the payment's own time, so replays decide as live did. */
  now?: Date;
  registry?: RuleInput["registry"];
};

/**
 * A detector that throws, or returns a score outside 0-100, is recorded as failed; the others still decide.
 * Except reading a feature it did not declare (only a backtest's projected vectors can lack one): that is our
 * bug, not the payment's, and a backtest must fail rather than report figures without that detector.
 */
function runDetector(
  detector: Detector,
  transaction: Transaction,
  features: FeatureVector,
  settings: EngineSettings,
  explain: boolean,
): Contribution {
  try {
    const finding = detector.detect(transaction, features, settings, explain);
    if (!Number.isInteger(finding.score) || finding.score < 0 || finding.score > 100)
      throw new RangeError(`score ${finding.score} is not an integer in 0-100`);
    // Spelled out, not spread: this runs for every detector of every payment of a backtest.
    return {
      detector: detector.name,
      status: finding.status,
      score: finding.status === "hit" ? finding.score : 0,
      reasonCode: finding.reasonCode,
      evidence: finding.evidence,
      message: finding.message,
    };
  } catch (error) {
    if (error instanceof FeatureNotProvidedError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      detector: detector.name,
      status: "failed",
      score: 0,
      reasonCode: "detector_failed",
      evidence: { error: reason },
      message: `Detector ${detector.name} failed: ${reason}`,
    };
  }
}

/**
 * Scores one payment: runs every detector and every rule (each traced), combines the detector hits (see
 * `combineScores`), then decides by precedence (allow/block lists, rule hits, then the organization's thresholds). Pure:
 * features and lists are computed beforehand.
 */
export function evaluate(
  transaction: Transaction,
  features: FeatureVector,
  settings: EngineSettings,
  options: EvaluateOptions = {},
): Evaluation {
  const detectors = options.detectors ?? DETECTORS;
  let contributions = options.contributions;
  if (contributions === undefined) {
    const explain = options.explain ?? true;
    contributions = [];
    for (const detector of detectors)
      contributions.push(runDetector(detector, transaction, features, settings, explain));
  }
  // Loops, not filter/map chains: a backtest runs this for every payment.
  const failedDetectors: string[] = [];
  const scores: number[] = [];
  for (const contribution of contributions)
    if (contribution.status === "failed") failedDetectors.push(contribution.detector);
    else if (contribution.status === "hit") scores.push(contribution.score);
  const riskScore = combineScores(scores);
  const ruleOutcomes = evaluateRules(options.rules ?? [], {
    transaction,
    features,
    lists: options.lists,
    customerMetadata: options.customerMetadata,
    now: options.now ?? transaction.createdAt,
    registry: options.registry,
  });
  let ruleHits: RuleHit[] = [];
  for (const { outcome, ruleId, action, priority, shadow } of ruleOutcomes)
    if (outcome === "hit") ruleHits.push({ ruleId, action, priority, shadow });
  if (ruleHits.length > 1) ruleHits = rankRuleHits(ruleHits);
  const listHits = matchActionLists(transaction, options.actionLists ?? []);
  return {
    engineVersion: ENGINE_VERSION,
    decision: decide(riskScore, ruleHits, settings, listHits),
    riskScore,
    confidence: computeConfidence(
      riskScore,
      detectors.length - failedDetectors.length,
      detectors.length,
      settings,
    ),
    contributions,
    failedDetectors,
    ruleHits,
    ruleOutcomes,
    listHits,
  };
}
