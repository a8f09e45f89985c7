import {
  EXPLANATION_PROMPT_VERSION,
  type Explanation,
  ExplanationDraft,
  explanationCacheKey,
  explanationFacts,
  explanationRequest,
  type RenderInput,
  renderDraft,
} from "@orylo/ai";
import { recordAiUsage } from "@orylo/db";
import { RetryLaterError } from "@orylo/platform";
import type { AiServices } from "../ai/ai-services";
import { freeLedgerRow, ledgerRows } from "../ai/ledger-rows";
import type { OrgCtx } from "../context";

/** A structure stays valid as long as its prompt version: a month bounds the cache's size. */
const CACHE_TTL_SECONDS = 30 * 24 * 3600;

/**
 * The LLM explanation of one detection, or null when no provider produced a grounded one. The structure
 * cache (organization-scoped, keyed by reason codes and bucketed evidence) is read first; every attempt
 * lands in the usage ledger. Over the organization's rate limit (policy `aiExplanations`) the task is put back
 * in line for when the window resets: delayed, never dropped to templates.
 */
/** Who wrote an LLM explanation, for the analytics event. */
export interface LlmExplanationUsage {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  cacheHit: boolean;
}

const CACHE_USAGE: LlmExplanationUsage = {
  provider: "cache",
  model: "cache",
  inputTokens: 0,
  outputTokens: 0,
  latencyMs: 0,
  cacheHit: true,
};

export async function explainWithLlm(
  ctx: OrgCtx,
  ai: AiServices,
  input: RenderInput,
): Promise<{ explanation: Explanation; usage: LlmExplanationUsage } | null> {
  const { organizationId } = ctx;
  const facts = explanationFacts(input);
  const key = explanationCacheKey(facts);
  const cached = ExplanationDraft.safeParse(
    await ai.cache.get(organizationId, key).catch((error: unknown) => {
      ctx.logger.warn({ err: error }, "explanation cache unreadable; asking the providers");
      return null;
    }),
  );
  if (cached.success) {
    try {
      const explanation = renderDraft(cached.data, input);
      await recordAiUsage(ctx.db, [
        freeLedgerRow(organizationId, "explanation", EXPLANATION_PROMPT_VERSION, "cache"),
      ]);
      return { explanation, usage: CACHE_USAGE };
    } catch (error) {
      ctx.logger.warn({ err: error }, "cached explanation structure does not fit this trace");
    }
  }
  const limit = await ai.rateLimits.check("aiExplanations", { organizationId }, "explain");
  if (!limit.allowed)
    throw new RetryLaterError(
      new Date(limit.reset),
      "the organization's AI explanation rate limit is reached",
    );
  const outcome = await ai.chain.complete(explanationRequest(facts), (draft) => {
    renderDraft(draft, input);
    return draft;
  });
  await recordAiUsage(ctx.db, ledgerRows(organizationId, "explanation", EXPLANATION_PROMPT_VERSION, outcome));
  if (!outcome.ok) {
    ctx.logger.warn(
      { failures: outcome.failures },
      "no provider explained the detection; templates stand in",
    );
    return null;
  }
  await ai.cache
    .set(organizationId, key, outcome.result.data, { ttlSeconds: CACHE_TTL_SECONDS })
    .catch((error: unknown) => {
      ctx.logger.warn({ err: error }, "explanation structure not cached");
    });
  const { provider, model, usage, latencyMs } = outcome.result;
  return {
    explanation: renderDraft(outcome.result.data, input),
    usage: { provider, model, ...usage, latencyMs, cacheHit: false },
  };
}
