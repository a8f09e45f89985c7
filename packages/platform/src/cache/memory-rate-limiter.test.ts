import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "./memory-rate-limiter";

describe("memory rate limiter", () => {
  it("allows `limit` requests per sliding window, per organization and key", async () => {
    let t = Date.UTC(2026, 0, 1);
    const limiter = createMemoryRateLimiter({ name: "api", limit: 3, windowSeconds: 60 }, { now: () => t });
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await limiter.limit("org_a", "key_1"));
      t += 10_000;
    }
    expect(results.map((r) => [r.success, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    const start = Date.UTC(2026, 0, 1);
    const denied = await limiter.limit("org_a", "key_1");
    expect(denied).toEqual({ success: false, limit: 3, remaining: 0, reset: start + 60_000 });

    expect((await limiter.limit("org_b", "key_1")).success).toBe(true);
    expect((await limiter.limit("org_a", "key_2")).success).toBe(true);

    t = start + 60_000; // the first request leaves the window
    const again = await limiter.limit("org_a", "key_1");
    expect(again).toMatchObject({ success: true, remaining: 0 });
    expect((await limiter.limit("org_a", "key_1")).success).toBe(false);
  });

  it("does not count denied requests", async () => {
    let t = 0;
    const limiter = createMemoryRateLimiter({ name: "login", limit: 1, windowSeconds: 1 }, { now: () => t });
    expect((await limiter.limit("org_a", "ip")).success).toBe(true);
    for (let i = 0; i < 5; i++) expect((await limiter.limit("org_a", "ip")).success).toBe(false);
    t = 1000;
    expect((await limiter.limit("org_a", "ip")).success).toBe(true);
  });

  it("rejects invalid policies and unscoped keys", async () => {
    expect(() => createMemoryRateLimiter({ name: "API key", limit: 1, windowSeconds: 1 })).toThrow();
    const limiter = createMemoryRateLimiter({ name: "api", limit: 1, windowSeconds: 1 });
    await expect(limiter.limit("", "k")).rejects.toThrow(/organization id/);
  });
});
