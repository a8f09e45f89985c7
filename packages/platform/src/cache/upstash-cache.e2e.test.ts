// Full suite: a real redis-server behind the Upstash REST proxy, reached through @upstash/redis and
// @upstash/ratelimit. Fails (never skips) when redis-server is missing.
import {
  type RedisServer,
  RespConnection,
  startRedisServer,
  startUpstashRestProxy,
  type UpstashRestProxy,
} from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CacheKeyError } from "../errors";
import type { Cache } from "./cache";
import { createCache, createRateLimiter } from "./create-cache";

let redis: RedisServer;
let proxy: UpstashRestProxy;
let direct: RespConnection;
let cache: Cache;
let config: { upstash: { url: string; token: string } };

beforeAll(async () => {
  redis = await startRedisServer();
  proxy = await startUpstashRestProxy({ redisPort: redis.port });
  direct = await RespConnection.connect(redis.port);
  config = { upstash: { url: proxy.url, token: proxy.token } };
  cache = createCache(config);
});

afterAll(async () => {
  await direct?.close();
  await proxy?.close();
  await redis?.stop();
});

const ttl = async (key: string) => Number(await direct.send(["TTL", key]));
const keys = async () => ((await direct.send(["KEYS", "*"])) as Buffer[]).map(String);

describe("Upstash cache", () => {
  it("stores JSON under an organization-scoped key with a TTL", async () => {
    expect(cache.backend).toBe("upstash");
    await cache.set("org_a", "explanation:det_1", { text: "ça va", amount: 1200 }, { ttlSeconds: 120 });
    await cache.set("org_a", "label", "123", { ttlSeconds: 120 });
    expect(await cache.get("org_a", "explanation:det_1")).toEqual({ text: "ça va", amount: 1200 });
    expect(await cache.get("org_a", "label")).toBe("123");
    expect(await cache.get("org_b", "explanation:det_1")).toBeNull();
    expect(await ttl("org_a:explanation:det_1")).toBeGreaterThan(110);
    await cache.delete("org_a", "label");
    expect(await cache.get("org_a", "label")).toBeNull();
  });

  it("expires entries", async () => {
    await cache.set("org_a", "short", 1, { ttlSeconds: 1 });
    expect(await cache.get("org_a", "short")).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await cache.get("org_a", "short")).toBeNull();
  });

  it("increments atomically with a TTL set by the first increment only", async () => {
    expect(await cache.incr("org_a", "count", { ttlSeconds: 100 })).toBe(1);
    await direct.send(["EXPIRE", "org_a:count", "50"]);
    expect(await cache.incr("org_a", "count", { ttlSeconds: 100 })).toBe(2);
    expect(await ttl("org_a:count")).toBeLessThanOrEqual(50);
    expect(await cache.get("org_a", "count")).toBe(2);
    expect(proxy.requests.some((r) => r.path === "/multi-exec")).toBe(true);
  });

  it("refuses unscoped keys before any request", async () => {
    const before = proxy.requests.length;
    await expect(cache.set("", "k", 1, { ttlSeconds: 1 })).rejects.toBeInstanceOf(CacheKeyError);
    await expect(cache.get("org:a", "k")).rejects.toBeInstanceOf(CacheKeyError);
    expect(proxy.requests.length).toBe(before);
  });
});

describe("Upstash rate limiter", () => {
  it("allows `limit` requests per window, per organization, with keys that start with the organization", async () => {
    const limiter = createRateLimiter(config, { name: "api", limit: 3, windowSeconds: 60 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("org_rl", "key_1"));
    expect(results.map((r) => [r.success, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(results[3]!.reset).toBeGreaterThan(Date.now());
    expect((await limiter.limit("org_other", "key_1")).success).toBe(true);
    expect((await limiter.limit("org_rl", "key_2")).success).toBe(true);

    const written = (await keys()).filter((k) => k.includes("ratelimit"));
    expect(written.length).toBeGreaterThan(0);
    for (const key of written) expect(key).toMatch(/^org_(rl|other):ratelimit:api:key_\d:/);
  });

  it("reaches the stripped scripts by their original sha after the first EVAL", async () => {
    const limiter = createRateLimiter(config, { name: "sha", limit: 5, windowSeconds: 60 });
    await limiter.limit("org_sha", "k");
    const start = proxy.requests.length;
    await limiter.limit("org_sha", "k");
    const names = proxy.requests.slice(start).flatMap((r) => r.commands.map((c) => c[0]?.toLowerCase()));
    expect(names).toContain("evalsha");
    expect(names).not.toContain("eval");
  });
});

describe("Upstash REST proxy protocol", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${proxy.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${proxy.token}`, ...headers },
      body: JSON.stringify(body),
    });

  it("answers {result}, {error} and pipelines, with and without base64", async () => {
    expect(await (await post("/", ["SET", "org_p:x", "héllo"])).json()).toEqual({ result: "OK" });
    expect(await (await post("/", ["GET", "org_p:x"])).json()).toEqual({ result: "héllo" });
    const encoded = await post("/", ["GET", "org_p:x"], { "Upstash-Encoding": "base64" });
    expect(await encoded.json()).toEqual({ result: Buffer.from("héllo").toString("base64") });
    const error = await post("/", ["INCR", "org_p:x"]);
    expect(error.status).toBe(400);
    expect((await error.json()).error).toMatch(/not an integer/);
    const pipeline = await (
      await post("/pipeline", [
        ["INCR", "org_p:n"],
        ["INCR", "org_p:x"],
        ["GET", "nope"],
      ])
    ).json();
    expect(pipeline).toEqual([
      { result: 1 },
      { error: expect.stringMatching(/not an integer/) },
      { result: null },
    ]);
  });

  it("requires the bearer token", async () => {
    const res = await fetch(`${proxy.url}/`, { method: "POST", body: JSON.stringify(["PING"]) });
    expect(res.status).toBe(401);
  });
});
