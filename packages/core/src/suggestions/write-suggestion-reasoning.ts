import {
  renderSuggestionReasoning,
  SUGGESTION_PROMPT_VERSION,
  type SuggestionFacts,
  suggestionReasoningWithTemplates,
  suggestionRequest,
} from "@orylo/ai";
import { recordAiUsage } from "@orylo/db";
import type { AiServices } from "../ai/ai-services";
import { freeLedgerRow, ledgerRows } from "../ai/ledger-rows";
import type { OrgCtx } from "../context";

/**
 * A suggestion's reasoning: the provider chain when `useLlm` (configured providers, budget left), the templates
 * otherwise or when no provider answers with a grounded text. The prompt holds only the facts (counts, kinds):
 * never the suggested value. Every attempt lands in the usage ledger.
 */
export async function writeSuggestionReasoning(
  ctx: OrgCtx,
  ai: AiServices,
  facts: SuggestionFacts,
  useLlm: boolean,
): Promise<{ reasoning: string; source: "llm" | "template" }> {
  if (useLlm) {
    let reasoning = "";
    const outcome = await ai.chain.complete(suggestionRequest(facts), (draft) => {
      reasoning = renderSuggestionReasoning(draft, facts);
      return draft;
    });
    await recordAiUsage(
      ctx.db,
      ledgerRows(ctx.organizationId, "suggestion", SUGGESTION_PROMPT_VERSION, outcome),
    );
    if (outcome.ok) return { reasoning, source: "llm" };
    ctx.logger.warn(
      { failures: outcome.failures },
      "no provider wrote the suggestion's reasoning; templates",
    );
  }
  await recordAiUsage(ctx.db, [
    freeLedgerRow(ctx.organizationId, "suggestion", SUGGESTION_PROMPT_VERSION, "templates"),
  ]);
  return { reasoning: suggestionReasoningWithTemplates(facts), source: "template" };
}
