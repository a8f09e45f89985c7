import { DEFAULT_EXPLANATION_LANGUAGE, ExplanationLanguage, explainWithTemplates } from "@orylo/ai";
import { findExplanationWork, writeExplanation } from "@orylo/db";
import { type Ctx, withOrganization } from "../context";
import { DetectionTrace } from "../detections/get-detection";

export interface ExplainDetectionInput {
  detectionId: string;
  organizationId: string;
}

/** `missing`: nothing to explain (the detection was erased); `unchanged`: it was already explained. */
export type ExplainDetectionOutcome = "ready" | "failed" | "unchanged" | "missing";

/**
 * Writes the explanation of one detection, in the language its pending row was created with. Idempotent:
 * a finished explanation is never rewritten, so a task run twice changes nothing. Only templates for now;
 * the LLM providers will be tried first and templates will remain the last link of the chain.
 */
export async function explainDetection(
  baseCtx: Ctx,
  { detectionId, organizationId }: ExplainDetectionInput,
): Promise<ExplainDetectionOutcome> {
  const ctx = withOrganization(baseCtx, organizationId);
  const logger = ctx.logger.child({ detectionId });
  const work = await findExplanationWork(ctx.db, organizationId, detectionId);
  if (!work) {
    logger.warn("no explanation to write: the detection or its pending explanation is gone");
    return "missing";
  }
  if (work.status === "ready" || work.status === "fallback") return "unchanged";

  const write = (
    values: Omit<Parameters<typeof writeExplanation>[1], "organizationId" | "detectionId" | "now">,
  ) => writeExplanation(ctx.db, { organizationId, detectionId, now: ctx.now(), ...values });
  // An unreadable trace or a template that throws fails the same way on every attempt: record it, don't retry.
  let explanation: ReturnType<typeof explainWithTemplates>;
  try {
    const trace = DetectionTrace.parse(work.trace);
    explanation = explainWithTemplates({
      decision: work.decision,
      riskScore: work.riskScore,
      contributions: trace.contributions,
      confidence: work.confidence,
      language: ExplanationLanguage.catch(DEFAULT_EXPLANATION_LANGUAGE).parse(work.language),
    });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.error({ err: error }, "explanation failed");
    return (await write({ status: "failed", explanation: null, source: null, error: message }))
      ? "failed"
      : "unchanged";
  }
  const written = await write({ status: "ready", explanation, source: explanation.source, error: null });
  logger.info({ written, source: explanation.source }, "detection explained");
  return written ? "ready" : "unchanged";
}
