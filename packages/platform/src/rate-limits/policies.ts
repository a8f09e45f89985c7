import type { RateLimitPolicy } from "../cache";

/**
 * Every rate limit of the product, in one table. Each key starts with the organization id, or with the
 * caller's IP for anonymous traffic (`ipScope`), so two merchants never share a counter.
 * `onLimit` says what the caller does when the limit is reached: `reject` answers 429 with Retry-After;
 * `delay` postpones the work to `reset` (background work is never dropped).
 */
export const RATE_LIMIT_POLICIES = {
  /** API v1, per API key (scope: the key's organization). */
  publicApi: { name: "api", limit: 600, windowSeconds: 60, onLimit: "reject" },
  /** better-auth sign-in and sign-up attempts, per IP: slows password guessing. */
  signIn: { name: "sign-in", limit: 10, windowSeconds: 60, onLimit: "reject" },
  /**
   * Webhook deliveries with a missing or invalid signature, per IP and endpoint. Valid Stripe deliveries are
   * never counted nor limited: only abuse is.
   */
  webhookAbuse: { name: "webhook-abuse", limit: 20, windowSeconds: 60, onLimit: "reject" },
  /** LLM explanations, per organization: over the limit, the explanation waits rather than being dropped. */
  aiExplanations: { name: "ai-explanations", limit: 10, windowSeconds: 60, onLimit: "delay" },
} as const satisfies Record<string, RateLimitPolicy & { onLimit: "reject" | "delay" }>;

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;

/** Whom a counter belongs to: an organization, or an anonymous caller's IP address. */
export type RateLimitScope = { organizationId: string } | { ip: string };

/**
 * "203.0.113.9" → "ip_203-0-113-9", "2001:db8::1" → "ip_2001-db8--1": a key prefix in the alphabet
 * organization ids use (`scopedKey` refuses ":" and "."). An unknown address shares one "ip_unknown" bucket.
 */
export function ipScope(ip: string): string {
  const cleaned = ip
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "-")
    .slice(0, 64);
  return `ip_${cleaned || "unknown"}`;
}

export function scopePrefix(scope: RateLimitScope): string {
  return "organizationId" in scope ? scope.organizationId : ipScope(scope.ip);
}
