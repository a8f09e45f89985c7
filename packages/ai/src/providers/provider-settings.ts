import { type AiFeature, FEATURE_TIERS, type ModelTier } from "./llm-provider";

/** How one provider is reached; built from the platform config by `createProviderChain`. */
export interface ProviderSettings {
  apiKey: string;
  baseUrl: string | null;
  models: Record<ModelTier, string>;
  timeoutMs: number;
  /** The SDK's own retries (429, 5xx, connection errors), with its backoff, before the chain moves on. */
  maxRetries: number;
}

/** The options both SDK constructors share. */
export function sdkOptions(settings: ProviderSettings) {
  return {
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl ?? undefined,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  };
}

export function modelPicker(settings: ProviderSettings) {
  return (feature: AiFeature) => settings.models[FEATURE_TIERS[feature]];
}
