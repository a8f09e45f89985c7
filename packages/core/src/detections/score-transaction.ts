import { type DetectionSummary, insertDetection } from "@orylo/db";
import { type Evaluation, evaluate, type Transaction } from "@orylo/engine";
import { generateId, OFFLINE_LOOKUPS } from "@orylo/platform";
import { requestBlockAction } from "../actions/request-actions";
import type { OrgCtx } from "../context";
import { explanationRequest } from "../explanations/request-explanation";
import { computeLiveFeatures } from "../features/live-features";
import { incidentCheckTask } from "../incidents/request-incident-check";
import type { OrganizationSettings } from "../organizations/organization-settings";
import { loadDecisionInputs } from "../rules/load-decision-inputs";

export { BUILTIN_RULESET_VERSION } from "../rules/load-rule-set";

export interface ScoreInput {
  payment: Transaction;
  transactionId: string;
  ingestSeq: number;
  settings: OrganizationSettings;
  /** `performance.now()` when the payment arrived: the stored latency covers features, engine and writes. */
  startedAt: number;
}

export interface ScorePaymentInput {
  payment: Transaction;
  /** The stored charge; null for a pre-payment evaluation (`POST /api/v1/evaluate`), not stored as a payment. */
  transactionId: string | null;
  source: "webhook" | "evaluate";
  /**
   * The payment's ingest order, which breaks ties with stored payments of the same second. A payment that is
   * not stored passes `UNSTORED_INGEST_SEQ`, so every stored payment at or before its time counts as earlier.
   */
  ingestSeq: number;
  settings: OrganizationSettings;
  startedAt: number;
  /** Extra keys stored in the trace (e.g. the evaluate call's `idempotencyKey`). */
  traceExtras?: Record<string, unknown>;
}

/** Larger than any stored `ingest_seq` (a bigint identity): an unstored payment comes after every stored one. */
export const UNSTORED_INGEST_SEQ = Number.MAX_SAFE_INTEGER;

/** The webhook path: a stored charge, scored once. */
export async function scoreTransaction(ctx: OrgCtx, input: ScoreInput): Promise<DetectionSummary> {
  const { detection } = await scorePayment(ctx, { ...input, source: "webhook" });
  return detection;
}

/**
 * Features from the stored history, the engine's verdict, the detection row with its full trace, and the
 * request for its explanation (pending row + outbox task), all in the caller's transaction. Shared by the
 * webhook path and the pre-payment API.
 */
export async function scorePayment(
  ctx: OrgCtx,
  input: ScorePaymentInput,
): Promise<{ detection: DetectionSummary; evaluation: Evaluation }> {
  const { payment, settings } = input;
  const features = await computeLiveFeatures(ctx.db, ctx.organizationId, payment, input.ingestSeq, {
    timeZone: settings.timeZone,
    lookups: OFFLINE_LOOKUPS,
  });
  const { ruleSet, actionLists } = await loadDecisionInputs(ctx.db, ctx.organizationId, payment);
  // Expiry is judged at the payment's time, as `evaluate` does by default, so a replay decides as live did.
  const evaluation = evaluate(payment, features, settings.engine, {
    rules: ruleSet.rules,
    lists: ruleSet.lists,
    actionLists,
  });
  const detectionId = generateId("det");
  const followUps = explanationRequest(ctx.organizationId, detectionId, evaluation.decision);
  if (evaluation.decision === "BLOCK") followUps.tasks.push(incidentCheckTask(ctx));
  const detection = await insertDetection(
    ctx.db,
    {
      id: detectionId,
      organizationId: ctx.organizationId,
      transactionId: input.transactionId,
      paymentIntentId: payment.paymentIntentId,
      source: input.source,
      livemode: payment.livemode,
      decision: evaluation.decision,
      riskScore: evaluation.riskScore,
      confidence: evaluation.confidence,
      trace: {
        contributions: evaluation.contributions,
        ruleHits: evaluation.ruleHits,
        failedDetectors: evaluation.failedDetectors,
        ruleOutcomes: evaluation.ruleOutcomes,
        listHits: evaluation.listHits,
        ...input.traceExtras,
      },
      features,
      engineVersion: evaluation.engineVersion,
      rulesetVersion: ruleSet.version,
      latencyMs: performance.now() - input.startedAt,
    },
    followUps,
  );
  if (detection.decision === "BLOCK") await requestBlockAction(ctx, detection.id, settings);
  ctx.logger.info(
    {
      detectionId: detection.id,
      decision: detection.decision,
      riskScore: detection.riskScore,
      source: input.source,
    },
    "payment scored",
  );
  return { detection, evaluation };
}
