import { type Clock, type RateLimiter, RateLimitPolicy, rateLimitKey } from "./cache";

/**
 * Exact sliding-window log in process memory (embedded mode): each key keeps the times of its last
 * `limit` allowed requests. One process only; production uses Upstash.
 */
export function createMemoryRateLimiter(
  policyInput: RateLimitPolicy,
  options: { now?: Clock; maxKeys?: number } = {},
): RateLimiter {
  const policy = RateLimitPolicy.parse(policyInput);
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const windowMs = policy.windowSeconds * 1000;
  const logs = new Map<string, number[]>();

  function prune() {
    const cutoff = now() - windowMs;
    for (const [key, times] of logs) if ((times[times.length - 1] ?? 0) <= cutoff) logs.delete(key);
    for (const key of logs.keys()) {
      if (logs.size <= maxKeys) break;
      logs.delete(key);
    }
  }

  return {
    backend: "memory",
    policy,
    async limit(organizationId, key) {
      const full = rateLimitKey(policy, organizationId, key);
      const t = now();
      const times = (logs.get(full) ?? []).filter((time) => time > t - windowMs);
      const success = times.length < policy.limit;
      if (success) times.push(t);
      logs.set(full, times);
      if (logs.size > maxKeys) prune();
      // When the oldest counted request leaves the window, one more request is allowed.
      const reset = (times[0] ?? t) + windowMs;
      return { success, limit: policy.limit, remaining: policy.limit - times.length, reset };
    },
  };
}
