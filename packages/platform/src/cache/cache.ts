import { z } from "zod";
import { CacheKeyError } from "../errors";

/**
 * Every cache and rate-limit key starts with an organization id (ARCHITECTURE §9: an unscoped key once
 * served one merchant's data to all). The API takes `(organizationId, key)`, so an unscoped key cannot
 * be written; the id may not contain ":" so the prefix is unambiguous.
 */
export const OrganizationId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Key = z.string().min(1).max(512);

export function scopedKey(organizationId: string, key: string): string {
  if (!OrganizationId.safeParse(organizationId).success) {
    throw new CacheKeyError("A cache key needs an organization id (letters, digits, _ or -)");
  }
  if (!Key.safeParse(key).success) throw new CacheKeyError("A cache key must be 1 to 512 characters");
  return `${organizationId}:${key}`;
}

export type CacheBackend = "memory" | "upstash";
export const CacheSetOptions = z.object({ ttlSeconds: z.number().int().positive() });
export type CacheSetOptions = z.infer<typeof CacheSetOptions>;

/** Values are stored as JSON and come back as parsed JSON, the same in both backends. */
export interface Cache {
  readonly backend: CacheBackend;
  get<T = unknown>(organizationId: string, key: string): Promise<T | null>;
  /** Every entry expires: there is no set without a TTL. */
  set(organizationId: string, key: string, value: unknown, options: CacheSetOptions): Promise<void>;
  delete(organizationId: string, key: string): Promise<void>;
  /** Adds one and returns the new value; the TTL starts at the first increment (a fixed-window counter). */
  incr(organizationId: string, key: string, options: CacheSetOptions): Promise<number>;
}

export const RateLimitPolicy = z.object({
  /** Part of the key, so two policies never share counters: `<org>:ratelimit:<name>:<key>`. */
  name: z.string().regex(/^[a-z0-9_.-]+$/),
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
});
export type RateLimitPolicy = z.infer<typeof RateLimitPolicy>;

export const RateLimitResult = z.object({
  success: z.boolean(),
  limit: z.number(),
  remaining: z.number(),
  /** Epoch milliseconds at which a request will be allowed again. */
  reset: z.number(),
  /** The backend did not answer in time and the request was let through without a verdict. */
  timedOut: z.boolean().optional(),
});
export type RateLimitResult = z.infer<typeof RateLimitResult>;

/** Sliding window of `policy.limit` requests per `policy.windowSeconds`. */
export interface RateLimiter {
  readonly backend: CacheBackend;
  readonly policy: RateLimitPolicy;
  limit(organizationId: string, key: string): Promise<RateLimitResult>;
}

export function rateLimitKey(policy: RateLimitPolicy, organizationId: string, key: string): string {
  return scopedKey(organizationId, `ratelimit:${policy.name}:${key}`);
}

/** Injected in tests; Date.now otherwise. */
export type Clock = () => number;

export function serialize(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("Cache values must be JSON-serializable");
  return json;
}
