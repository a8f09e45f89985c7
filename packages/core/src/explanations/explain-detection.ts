import {
  DEFAULT_EXPLANATION_LANGUAGE,
  EXPLANATION_PROMPT_VERSION,
  type Explanation,
  ExplanationLanguage,
  explainWithTemplates,
  type RenderInput,
} from "@orylo/ai";
import { findExplanationWork, recordAiUsage, writeExplanation } from "@orylo/db";
import { track } from "@orylo/platform";
import { alertOnAiBudget, readAiBudget } from "../ai/ai-budget";
import type { AiServices } from "../ai/ai-services";
import { freeLedgerRow } from "../ai/ledger-rows";
import { type Ctx, withOrganization } from "../context";
import { DetectionTrace } from "../detections/get-detection";
import { explainWithLlm } from "./explain-with-llm";

export interface ExplainDetectionInput {
  detectionId: string;
  organizationId: string;
}

/** `missing`: nothing to explain (the detection was erased); `unchanged`: it was already explained. */
export type ExplainDetectionOutcome = "ready" | "fallback" | "failed" | "unchanged" | "missing";

/**
 * Writes the explanation of one detection, in the language its pending row was created with: the provider
 * chain (OpenAI → Anthropic) when one is configured and the month's budget is not spent, else templates.
 * `ready` is an LLM's explanation, or the templates' when no provider is configured; `fallback` is templates
 * standing in for providers that failed or ran over budget. Idempotent: a finished explanation is never
 * rewritten, so a task run twice changes nothing.
 */
export async function explainDetection(
  baseCtx: Ctx,
  { detectionId, organizationId }: ExplainDetectionInput,
  ai: AiServices,
): Promise<ExplainDetectionOutcome> {
  const ctx = withOrganization(baseCtx, organizationId);
  // A child logger only for the lines that are written: one per run cost more than the run's own logging.
  const logger = () => ctx.logger.child({ detectionId });
  const work = await findExplanationWork(ctx.db, organizationId, detectionId);
  if (!work) {
    logger().warn("no explanation to write: the detection or its pending explanation is gone");
    return "missing";
  }
  if (work.status === "ready" || work.status === "fallback") return "unchanged";

  const write = (
    values: Omit<Parameters<typeof writeExplanation>[1], "organizationId" | "detectionId" | "now">,
  ) => writeExplanation(ctx.db, { organizationId, detectionId, now: ctx.now(), ...values });
  // An unreadable trace or a template that throws fails the same way on every attempt: record it, don't retry.
  let input: RenderInput;
  let templates: Explanation;
  try {
    input = {
      decision: work.decision,
      riskScore: work.riskScore,
      contributions: DetectionTrace.shape.contributions.parse(work.contributions),
      confidence: work.confidence,
      language: ExplanationLanguage.catch(DEFAULT_EXPLANATION_LANGUAGE).parse(work.language),
      payment:
        work.amount !== null && work.currency !== null
          ? { amount: work.amount, currency: work.currency }
          : null,
    };
    templates = explainWithTemplates(input);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger().error({ err: error }, "explanation failed");
    return (await write({ status: "failed", explanation: null, source: null, error: message }))
      ? "failed"
      : "unchanged";
  }

  let llm: Awaited<ReturnType<typeof explainWithLlm>> = null;
  let status: "ready" | "fallback" = "ready";
  if (ai.chain.providers.length > 0) {
    const budget = await readAiBudget(ctx);
    await alertOnAiBudget(ctx, budget);
    if (budget.state === "exhausted") logger().info({ budget }, "monthly AI budget spent: templates");
    else llm = await explainWithLlm(ctx, ai, input);
    if (!llm) status = "fallback";
  }
  if (!llm)
    await recordAiUsage(ctx.db, [
      freeLedgerRow(organizationId, "explanation", EXPLANATION_PROMPT_VERSION, "templates"),
    ]);
  const explanation: Explanation = llm?.explanation ?? templates;
  const written = await write({ status, explanation, source: explanation.source, error: null });
  ctx.logger.debug({ detectionId, written, status, source: explanation.source }, "detection explained");
  if (written) {
    const usage = llm?.usage;
    track(ctx, "ai_explanation_generated", {
      status,
      source: explanation.source,
      provider: usage?.provider ?? "templates",
      model: usage?.model ?? "templates",
      input_tokens: usage?.inputTokens ?? 0,
      output_tokens: usage?.outputTokens ?? 0,
      latency_ms: usage?.latencyMs ?? 0,
      cache_hit: usage?.cacheHit ?? false,
    });
  }
  return written ? status : "unchanged";
}
