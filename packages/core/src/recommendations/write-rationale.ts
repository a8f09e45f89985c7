import {
  RECOMMENDATION_PROMPT_VERSION,
  type RecommendationFacts,
  recommendationRationaleRequest,
  recommendationRationaleTemplate,
} from "@orylo/ai";
import { recordAiUsage } from "@orylo/db";
import type { AiServices } from "../ai/ai-services";
import { freeLedgerRow, ledgerRows } from "../ai/ledger-rows";
import type { OrgCtx } from "../context";

/**
 * The LLM writes only the prose of a recommendation, from figures (no personal data); without a provider,
 * with the month's budget spent, or when none answers, the template writes it. Every attempt is in the ledger.
 */
export async function writeRationale(
  ctx: OrgCtx,
  ai: AiServices,
  facts: RecommendationFacts,
  llmAllowed: boolean,
): Promise<{ rationale: string; source: "llm" | "template" }> {
  if (llmAllowed && ai.chain.providers.length > 0) {
    const outcome = await ai.chain.complete(recommendationRationaleRequest(facts));
    await recordAiUsage(
      ctx.db,
      ledgerRows(ctx.organizationId, "recommendation", RECOMMENDATION_PROMPT_VERSION, outcome),
    );
    if (outcome.ok) return { rationale: outcome.result.data.rationale, source: "llm" };
    ctx.logger.warn({ failures: outcome.failures.length }, "no provider wrote the rationale; template used");
  }
  await recordAiUsage(ctx.db, [
    freeLedgerRow(ctx.organizationId, "recommendation", RECOMMENDATION_PROMPT_VERSION, "templates"),
  ]);
  return { rationale: recommendationRationaleTemplate(facts), source: "template" };
}
