import type { ModelTier, ProviderName } from "./llm-provider";

/** Defaults per provider and tier; `AI_MODEL_SMALL` / `AI_MODEL_LARGE` override them. */
export const DEFAULT_MODELS: Record<ProviderName, Record<ModelTier, string>> = {
  openai: { small: "gpt-4o-mini", large: "gpt-4o" },
  anthropic: { small: "claude-haiku-4-5", large: "claude-sonnet-4-6" },
};

/** USD per million tokens (input, output), from the providers' public price lists. */
const PRICES: Record<string, { input: number; output: number }> = {
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "claude-haiku-4-5": { input: 1, output: 5 },
};

/** Unknown models (a self-hosted OpenAI-compatible server) are priced like the tier's default: never free by mistake. */
const TIER_PRICES: Record<ModelTier, { input: number; output: number }> = {
  small: { input: 1, output: 5 },
  large: { input: 3, output: 15 },
};

/** Cost of one call in micro-dollars (integers add up exactly in the ledger). */
export function costMicros(
  model: string,
  tier: ModelTier,
  usage: { inputTokens: number; outputTokens: number },
) {
  const price = PRICES[model] ?? TIER_PRICES[tier];
  return Math.round(usage.inputTokens * price.input + usage.outputTokens * price.output);
}
