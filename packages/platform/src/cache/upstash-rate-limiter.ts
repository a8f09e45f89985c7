import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { type RateLimiter, RateLimitPolicy, rateLimitKey } from "./cache";

/**
 * Upstash sliding window. The key is `<org>:ratelimit:<policy>:<key>`; the library's own prefix is the
 * organization part, so every Redis key it writes starts with the organization id.
 * `timeoutMs`: when Redis does not answer in time the library lets the request through (fail open).
 */
export function createUpstashRateLimiter(
  redis: Redis,
  policyInput: RateLimitPolicy,
  options: { timeoutMs?: number } = {},
): RateLimiter {
  const policy = RateLimitPolicy.parse(policyInput);
  const limiter = Ratelimit.slidingWindow(policy.limit, `${policy.windowSeconds} s`);
  return {
    backend: "upstash",
    policy,
    async limit(organizationId, key) {
      const full = rateLimitKey(policy, organizationId, key);
      const separator = full.indexOf(":");
      // A light object per call: the prefix (organization id) is per instance in @upstash/ratelimit.
      const ratelimit = new Ratelimit({
        redis,
        limiter,
        prefix: full.slice(0, separator),
        ephemeralCache: false,
        analytics: false,
        timeout: options.timeoutMs ?? 5000,
      });
      const result = await ratelimit.limit(full.slice(separator + 1));
      return {
        success: result.success,
        limit: result.limit,
        remaining: result.remaining,
        reset: result.reset,
        ...(result.reason === "timeout" ? { timedOut: true } : {}),
      };
    },
  };
}
