import { createProviderChain, type ProviderChain } from "@orylo/ai";
import {
  type Cache,
  type Config,
  createCache,
  createRateLimits,
  type Logger,
  type RateLimits,
} from "@orylo/platform";

/**
 * What the AI verbs need besides the database: the provider chain, the (organization-scoped) cache and the
 * rate limits of the policy table (`aiExplanations`). Create it once per process: breakers and memory
 * counters live in it.
 */
export interface AiServices {
  chain: ProviderChain;
  cache: Cache;
  rateLimits: RateLimits;
}

/** From the config: OpenAI → Anthropic as configured (none: templates only), Upstash or memory. */
export function createAiServices(config: Pick<Config, "llm" | "upstash">, logger: Logger): AiServices {
  return {
    chain: createProviderChain(config.llm),
    cache: createCache(config),
    rateLimits: createRateLimits(config, logger),
  };
}
