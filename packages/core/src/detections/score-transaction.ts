import { type DetectionSummary, insertDetection } from "@orylo/db";
import { evaluate, type Transaction } from "@orylo/engine";
import { generateId } from "@orylo/platform";
import type { OrgCtx } from "../context";
import { requestExplanation } from "../explanations/request-explanation";
import { computeLiveFeatures } from "../features/live-features";
import type { OrganizationSettings } from "../organizations/organization-settings";
import { loadRuleSet } from "../rules/load-rule-set";

export { BUILTIN_RULESET_VERSION } from "../rules/load-rule-set";

export interface ScoreInput {
  payment: Transaction;
  transactionId: string;
  ingestSeq: number;
  settings: OrganizationSettings;
  /** `performance.now()` when the payment arrived: the stored latency covers features, engine and writes. */
  startedAt: number;
}

/**
 * Features from the stored history, the engine's verdict, the detection row with its full trace, and the
 * request for its explanation (pending row + outbox task), all in the caller's transaction.
 */
export async function scoreTransaction(ctx: OrgCtx, input: ScoreInput): Promise<DetectionSummary> {
  const { payment, settings } = input;
  const features = await computeLiveFeatures(ctx.db, ctx.organizationId, payment, input.ingestSeq);
  const ruleSet = await loadRuleSet(ctx.db, ctx.organizationId, payment.createdAt);
  // Expiry is judged at the payment's time, as `evaluate` does by default, so a replay decides as live did.
  const evaluation = evaluate(payment, features, settings.engine, {
    rules: ruleSet.rules,
    lists: ruleSet.lists,
  });
  const detection = await insertDetection(ctx.db, {
    id: generateId("det"),
    organizationId: ctx.organizationId,
    transactionId: input.transactionId,
    paymentIntentId: payment.paymentIntentId,
    source: "webhook",
    livemode: payment.livemode,
    decision: evaluation.decision,
    riskScore: evaluation.riskScore,
    confidence: evaluation.confidence,
    trace: {
      contributions: evaluation.contributions,
      ruleHits: evaluation.ruleHits,
      failedDetectors: evaluation.failedDetectors,
      ruleOutcomes: evaluation.ruleOutcomes,
    },
    features,
    engineVersion: evaluation.engineVersion,
    rulesetVersion: ruleSet.version,
    latencyMs: performance.now() - input.startedAt,
  });
  await requestExplanation(ctx, detection.id);
  ctx.logger.info(
    { detectionId: detection.id, decision: detection.decision, riskScore: detection.riskScore },
    "payment scored",
  );
  return detection;
}
