import { createProviderChain, type ProviderChain } from "@orylo/ai";
import { type Cache, type Config, createCache } from "@orylo/platform";

/** What the AI verbs need besides the database: the provider chain and the (organization-scoped) cache. */
export interface AiServices {
  chain: ProviderChain;
  cache: Cache;
}

/** From the config: OpenAI → Anthropic as configured (none: templates only), Upstash or memory cache. */
export function createAiServices(config: Pick<Config, "llm" | "upstash">): AiServices {
  return { chain: createProviderChain(config.llm), cache: createCache(config) };
}
