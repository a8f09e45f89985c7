import { type Cache, CacheSetOptions, type Clock, scopedKey, serialize } from "./cache";

type Entry = { value: string; expiresAt: number };

/** In-process cache with TTL (embedded mode): lazy expiry, a periodic sweep and a size bound. */
export function createMemoryCache(options: { now?: Clock; maxEntries?: number } = {}): Cache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  let writes = 0;

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function write(key: string, entry: Entry) {
    entries.delete(key); // re-insert so Map order is write order
    entries.set(key, entry);
    if (++writes % 1000 === 0) for (const k of [...entries.keys()]) live(k);
    // Evict the oldest writes beyond the bound.
    for (const k of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(k);
    }
  }

  return {
    backend: "memory",
    async get<T>(organizationId: string, key: string) {
      const entry = live(scopedKey(organizationId, key));
      return entry ? (JSON.parse(entry.value) as T) : null;
    },
    async set(organizationId, key, value, options) {
      const { ttlSeconds } = CacheSetOptions.parse(options);
      write(scopedKey(organizationId, key), {
        value: serialize(value),
        expiresAt: now() + ttlSeconds * 1000,
      });
    },
    async delete(organizationId, key) {
      entries.delete(scopedKey(organizationId, key));
    },
    async incr(organizationId, key, options) {
      const { ttlSeconds } = CacheSetOptions.parse(options);
      const full = scopedKey(organizationId, key);
      const entry = live(full);
      const current = entry ? Number(JSON.parse(entry.value)) : 0;
      if (!Number.isSafeInteger(current)) throw new TypeError("The cached value is not an integer");
      const next = current + 1;
      if (entry) entry.value = String(next);
      else write(full, { value: String(next), expiresAt: now() + ttlSeconds * 1000 });
      return next;
    },
  };
}
