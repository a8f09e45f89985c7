import type { z } from "zod";

/** What an LLM is asked to do: the model tier follows from it (small for explanations, large for rules). */
export const AI_FEATURES = ["explanation", "suggestion", "recommendation", "rule_draft"] as const;
export type AiFeature = (typeof AI_FEATURES)[number];
export type ModelTier = "small" | "large";

export const FEATURE_TIERS: Record<AiFeature, ModelTier> = {
  explanation: "small",
  suggestion: "small",
  recommendation: "large",
  rule_draft: "large",
};

export type ProviderName = "openai" | "anthropic";

/** One structured call: the output must parse as `schema` (JSON mode / tool use, then zod). */
export interface LlmRequest<T> {
  feature: AiFeature;
  system: string;
  user: string;
  /** Also the tool / response-format name the model sees: `[a-z_]+`. */
  schemaName: string;
  schema: z.ZodType<T>;
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface LlmResult<T> {
  data: T;
  provider: ProviderName;
  model: string;
  usage: LlmUsage;
  latencyMs: number;
}

export interface LlmProvider {
  readonly name: ProviderName;
  modelFor(feature: AiFeature): string;
  complete<T>(request: LlmRequest<T>): Promise<LlmResult<T>>;
}

/** The model answered, but not with something the schema (or a grounding check) accepts. */
export class LlmOutputError extends Error {
  override name = "LlmOutputError";
}
