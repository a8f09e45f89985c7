import type { Redis } from "@upstash/redis";
import type { Config } from "../config";
import type { Cache, Clock, RateLimiter, RateLimitPolicy } from "./cache";
import { createMemoryCache } from "./memory-cache";
import { createMemoryRateLimiter } from "./memory-rate-limiter";
import { createUpstashCache, createUpstashRedis } from "./upstash-cache";
import { createUpstashRateLimiter } from "./upstash-rate-limiter";

type CacheConfig = Pick<Config, "upstash">;

// One REST client per connection settings, shared by the cache and every limiter.
const clients = new WeakMap<object, Redis>();
function redisFor(upstash: NonNullable<Config["upstash"]>): Redis {
  const existing = clients.get(upstash);
  if (existing) return existing;
  const redis = createUpstashRedis(upstash);
  clients.set(upstash, redis);
  return redis;
}

/** Upstash when UPSTASH_REDIS_REST_* are set, in-process memory otherwise. */
export function createCache(config: CacheConfig, options: { now?: Clock } = {}): Cache {
  return config.upstash ? createUpstashCache(redisFor(config.upstash)) : createMemoryCache(options);
}

/** Create each policy's limiter once: the memory backend keeps its counters in the instance. */
export function createRateLimiter(
  config: CacheConfig,
  policy: RateLimitPolicy,
  options: { now?: Clock; timeoutMs?: number } = {},
): RateLimiter {
  return config.upstash
    ? createUpstashRateLimiter(redisFor(config.upstash), policy, options)
    : createMemoryRateLimiter(policy, options);
}
