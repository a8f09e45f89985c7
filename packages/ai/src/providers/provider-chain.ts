import { createAnthropicProvider } from "./anthropic-provider";
import { CircuitBreaker, type CircuitBreakerOptions } from "./circuit-breaker";
import type { LlmProvider, LlmRequest, LlmResult, ProviderName } from "./llm-provider";
import { DEFAULT_MODELS } from "./models";
import { createOpenAiProvider } from "./openai-provider";

/** The LLM part of the platform config, as this package needs it (it does not read the environment). */
export interface AiSettings {
  enabled: boolean;
  openai: ProviderConfig | null;
  anthropic: ProviderConfig | null;
  timeoutMs: number;
  /** SDK retries per provider before the chain moves on; default 1. */
  maxRetries?: number;
  breaker?: CircuitBreakerOptions;
}
interface ProviderConfig {
  apiKey: string;
  baseUrl: string | null;
  models: { small: string | null; large: string | null };
}

export interface ProviderFailure {
  provider: ProviderName;
  model: string;
  /** `circuit_open`: skipped without a call. */
  reason: "circuit_open" | "error";
  error: string;
}

export type ChainOutcome<T> =
  | { ok: true; result: LlmResult<T>; failures: ProviderFailure[] }
  | { ok: false; failures: ProviderFailure[] };

/** Providers in order (OpenAI → Anthropic), each behind its own circuit breaker; templates are the caller's. */
export interface ProviderChain {
  /** Configured and enabled providers, in the order they are tried; empty = templates only. */
  readonly providers: readonly LlmProvider[];
  /**
   * Tries each provider until one answers with an output that parses and passes `check` (grounding: it
   * throws `LlmOutputError` to reject). Never throws: the caller falls back on what it gets.
   */
  complete<T>(request: LlmRequest<T>, check?: (data: T) => T): Promise<ChainOutcome<T>>;
}

export function createProviderChain(settings: AiSettings): ProviderChain {
  const common = { timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries ?? 1 };
  const settingsFor = (name: ProviderName, config: ProviderConfig) => ({
    ...common,
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    models: {
      small: config.models.small ?? DEFAULT_MODELS[name].small,
      large: config.models.large ?? DEFAULT_MODELS[name].large,
    },
  });
  const providers: LlmProvider[] = [];
  if (settings.enabled && settings.openai)
    providers.push(createOpenAiProvider(settingsFor("openai", settings.openai)));
  if (settings.enabled && settings.anthropic)
    providers.push(createAnthropicProvider(settingsFor("anthropic", settings.anthropic)));
  return chainOf(providers, settings.breaker);
}

/** A chain over given providers (tests build one over a single fake). */
export function chainOf(providers: LlmProvider[], breakerOptions?: CircuitBreakerOptions): ProviderChain {
  const breakers = new Map(providers.map((p) => [p.name, new CircuitBreaker(breakerOptions)]));
  return {
    providers,
    async complete<T>(request: LlmRequest<T>, check: (data: T) => T = (data) => data) {
      const failures: ProviderFailure[] = [];
      for (const provider of providers) {
        const breaker = breakers.get(provider.name) as CircuitBreaker;
        const model = provider.modelFor(request.feature);
        if (!breaker.tryAcquire()) {
          failures.push({ provider: provider.name, model, reason: "circuit_open", error: "circuit open" });
          continue;
        }
        try {
          const result = await provider.complete(request);
          const data = check(result.data);
          breaker.success();
          return { ok: true, result: { ...result, data }, failures };
        } catch (error) {
          breaker.failure();
          const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          failures.push({ provider: provider.name, model, reason: "error", error: message });
        }
      }
      return { ok: false, failures };
    },
  };
}
