import { type AiFeature, type ChainOutcome, costMicros, FEATURE_TIERS } from "@orylo/ai";
import type { NewAiUsage } from "@orylo/db";

/** The ledger rows of one chain call: each failed provider, then the one that answered. */
export function ledgerRows(
  organizationId: string,
  feature: AiFeature,
  promptVersion: string,
  outcome: ChainOutcome<unknown>,
): NewAiUsage[] {
  const base = { organizationId, feature, promptVersion };
  const failures: NewAiUsage[] = outcome.failures
    .filter((failure) => failure.reason === "error")
    .map((failure) => ({
      ...base,
      provider: failure.provider,
      model: failure.model,
      outcome: "error",
      error: failure.error,
    }));
  if (!outcome.ok) return failures;
  const { result } = outcome;
  return [
    ...failures,
    {
      ...base,
      provider: result.provider,
      model: result.model,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      costMicros: costMicros(result.model, FEATURE_TIERS[feature], result.usage),
      latencyMs: result.latencyMs,
      outcome: "ok",
    },
  ];
}

/** A row for work answered without an LLM call: the structure cache or the templates, at zero cost. */
export function freeLedgerRow(
  organizationId: string,
  feature: AiFeature,
  promptVersion: string,
  source: "cache" | "templates",
): NewAiUsage {
  return {
    organizationId,
    feature,
    promptVersion,
    provider: source,
    model: source,
    cacheHit: source === "cache",
    outcome: "ok",
  };
}
