export {
  type Cache,
  type CacheBackend,
  CacheSetOptions,
  type Clock,
  OrganizationId,
  type RateLimiter,
  RateLimitPolicy,
  RateLimitResult,
  rateLimitKey,
  scopedKey,
} from "./cache";
export { createCache, createRateLimiter } from "./create-cache";
export { createMemoryCache } from "./memory-cache";
export { createMemoryRateLimiter } from "./memory-rate-limiter";
export { createUpstashCache, createUpstashRedis, type UpstashConnection } from "./upstash-cache";
export { createUpstashRateLimiter } from "./upstash-rate-limiter";
