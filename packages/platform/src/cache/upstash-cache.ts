import { Redis } from "@upstash/redis";
import { type Cache, CacheSetOptions, scopedKey, serialize } from "./cache";

export type UpstashConnection = { url: string; token: string };

/** One REST client per process; `automaticDeserialization: false` so both backends store the same JSON. */
export function createUpstashRedis(connection: UpstashConnection): Redis {
  return new Redis({
    url: connection.url,
    token: connection.token,
    automaticDeserialization: false,
    enableTelemetry: false,
    retry: { retries: 2, backoff: (attempt) => 50 * 2 ** attempt },
  });
}

export function createUpstashCache(redis: Redis): Cache {
  return {
    backend: "upstash",
    async get<T>(organizationId: string, key: string) {
      const raw = await redis.get<string>(scopedKey(organizationId, key));
      return raw === null || raw === undefined ? null : (JSON.parse(raw) as T);
    },
    async set(organizationId, key, value, options) {
      const { ttlSeconds } = CacheSetOptions.parse(options);
      await redis.set(scopedKey(organizationId, key), serialize(value), { ex: ttlSeconds });
    },
    async delete(organizationId, key) {
      await redis.del(scopedKey(organizationId, key));
    },
    async incr(organizationId, key, options) {
      const { ttlSeconds } = CacheSetOptions.parse(options);
      const full = scopedKey(organizationId, key);
      // Atomic: the TTL is set by the first increment only (EXPIRE … NX), so the window never slides.
      const [value] = await redis.multi().incr(full).expire(full, ttlSeconds, "NX").exec<[number, number]>();
      return Number(value);
    },
  };
}
