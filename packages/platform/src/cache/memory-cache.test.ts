import { describe, expect, it } from "vitest";
import { CacheKeyError } from "../errors";
import { createMemoryCache } from "./memory-cache";

function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("memory cache", () => {
  it("stores JSON values until their TTL", async () => {
    const time = clock();
    const cache = createMemoryCache({ now: time.now });
    await cache.set("org_a", "explanation:det_1", { text: "x", n: 1 }, { ttlSeconds: 60 });
    await cache.set("org_a", "label", "123", { ttlSeconds: 60 });
    expect(await cache.get("org_a", "explanation:det_1")).toEqual({ text: "x", n: 1 });
    expect(await cache.get("org_a", "label")).toBe("123");
    time.advance(59_999);
    expect(await cache.get("org_a", "explanation:det_1")).not.toBeNull();
    time.advance(1);
    expect(await cache.get("org_a", "explanation:det_1")).toBeNull();
  });

  it("scopes every key by organization", async () => {
    const cache = createMemoryCache();
    await cache.set("org_a", "k", "a", { ttlSeconds: 60 });
    expect(await cache.get("org_b", "k")).toBeNull();
    await cache.delete("org_b", "k");
    expect(await cache.get("org_a", "k")).toBe("a");
    await cache.delete("org_a", "k");
    expect(await cache.get("org_a", "k")).toBeNull();
  });

  it("refuses keys without a valid organization id", async () => {
    const cache = createMemoryCache();
    for (const org of ["", "org:a", "a b"]) {
      await expect(cache.set(org, "k", 1, { ttlSeconds: 1 })).rejects.toBeInstanceOf(CacheKeyError);
    }
    await expect(cache.get("org_a", "")).rejects.toBeInstanceOf(CacheKeyError);
    await expect(cache.set("org_a", "k", 1, { ttlSeconds: 0 })).rejects.toThrow();
    await expect(cache.set("org_a", "k", undefined, { ttlSeconds: 1 })).rejects.toThrow(/JSON/);
  });

  it("counts with incr in a fixed window that starts at the first increment", async () => {
    const time = clock();
    const cache = createMemoryCache({ now: time.now });
    expect(await cache.incr("org_a", "count", { ttlSeconds: 10 })).toBe(1);
    time.advance(9_000);
    expect(await cache.incr("org_a", "count", { ttlSeconds: 10 })).toBe(2);
    expect(await cache.get("org_a", "count")).toBe(2);
    time.advance(1_000);
    expect(await cache.incr("org_a", "count", { ttlSeconds: 10 })).toBe(1);
    await cache.set("org_a", "text", "abc", { ttlSeconds: 10 });
    await expect(cache.incr("org_a", "text", { ttlSeconds: 10 })).rejects.toThrow();
  });

  it("evicts the oldest writes beyond maxEntries", async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    for (const key of ["a", "b", "c"]) await cache.set("org_a", key, key, { ttlSeconds: 60 });
    expect(await cache.get("org_a", "a")).toBeNull();
    expect(await cache.get("org_a", "c")).toBe("c");
  });
});
