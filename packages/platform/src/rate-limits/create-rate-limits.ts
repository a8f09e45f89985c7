import { createRateLimiter, type RateLimiter } from "../cache";
import type { CacheBackend, Clock } from "../cache/cache";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { RATE_LIMIT_POLICIES, type RateLimitPolicyName, type RateLimitScope, scopePrefix } from "./policies";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds at which one more request is allowed. */
  reset: number;
  /** Whole seconds until `reset` (at least 1), for a `Retry-After` header. */
  retryAfterSeconds: number;
  /** The backend could not answer (timeout, network): the request was let through. */
  failedOpen: boolean;
}

export interface RateLimits {
  readonly backend: CacheBackend;
  /** Counts one request of `key` under the policy and says whether it is allowed. */
  check(name: RateLimitPolicyName, scope: RateLimitScope, key: string): Promise<RateLimitDecision>;
}

/**
 * The policy table's limiters, created once per process (memory counters live in the instances). Upstash
 * when configured, memory otherwise. When Upstash times out or fails, the request is allowed and a warning
 * logged: a limit is a protection, and refusing Stripe's or a merchant's traffic because Redis is slow
 * would turn a cache outage into a product outage (docs/operations.md).
 */
export function createRateLimits(
  config: Pick<Config, "upstash">,
  logger: Logger,
  options: { now?: Clock; timeoutMs?: number } = {},
): RateLimits {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 300;
  const limiters = new Map<RateLimitPolicyName, RateLimiter>();
  const limiterFor = (name: RateLimitPolicyName) => {
    let limiter = limiters.get(name);
    if (!limiter) {
      const { name: policyName, limit, windowSeconds } = RATE_LIMIT_POLICIES[name];
      limiter = createRateLimiter(config, { name: policyName, limit, windowSeconds }, { now, timeoutMs });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  const allowedOpen = (name: RateLimitPolicyName): RateLimitDecision => {
    const { limit } = RATE_LIMIT_POLICIES[name];
    return { allowed: true, limit, remaining: limit, reset: now(), retryAfterSeconds: 1, failedOpen: true };
  };

  return {
    backend: config.upstash ? "upstash" : "memory",
    async check(name, scope, key) {
      try {
        const result = await limiterFor(name).limit(scopePrefix(scope), key);
        if (result.timedOut) {
          logger.warn({ policy: name, timeoutMs }, "rate limiter timed out: request allowed");
          return allowedOpen(name);
        }
        return {
          allowed: result.success,
          limit: result.limit,
          remaining: Math.max(0, result.remaining),
          reset: result.reset,
          retryAfterSeconds: Math.max(1, Math.ceil((result.reset - now()) / 1000)),
          failedOpen: false,
        };
      } catch (error) {
        logger.warn({ err: error, policy: name }, "rate limiter unavailable: request allowed");
        return allowedOpen(name);
      }
    },
  };
}
