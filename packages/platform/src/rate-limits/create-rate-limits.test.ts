import { startStalledHttpServer } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { createRateLimits } from "./create-rate-limits";
import { ipScope, RATE_LIMIT_POLICIES } from "./policies";

const silent = createLogger({ logLevel: "silent", prettyLogs: false });

describe("the rate-limit policy table", () => {
  it("names the four policies with the AI one delayed rather than dropped", () => {
    expect(Object.keys(RATE_LIMIT_POLICIES).sort()).toEqual([
      "aiExplanations",
      "publicApi",
      "signIn",
      "webhookAbuse",
    ]);
    expect(RATE_LIMIT_POLICIES.aiExplanations).toMatchObject({
      limit: 10,
      windowSeconds: 60,
      onLimit: "delay",
    });
  });

  it("counts per policy, per organization or IP, and says when to retry", async () => {
    let t = Date.UTC(2026, 0, 1);
    const limits = createRateLimits({ upstash: null }, silent, { now: () => t });
    expect(limits.backend).toBe("memory");
    const org = { organizationId: "org_a" };
    const decisions = [];
    for (let i = 0; i < 11; i++) decisions.push(await limits.check("aiExplanations", org, "explain"));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    t += 15_000;
    const denied = await limits.check("aiExplanations", org, "explain");
    expect(denied).toMatchObject({ allowed: false, remaining: 0, failedOpen: false, retryAfterSeconds: 45 });
    expect((await limits.check("aiExplanations", { organizationId: "org_b" }, "explain")).allowed).toBe(true);
    expect((await limits.check("publicApi", org, "explain")).allowed).toBe(true);

    for (let i = 0; i < 10; i++) await limits.check("signIn", { ip: "203.0.113.9" }, "sign-in");
    expect((await limits.check("signIn", { ip: "203.0.113.9" }, "sign-in")).allowed).toBe(false);
    expect((await limits.check("signIn", { ip: "203.0.113.10" }, "sign-in")).allowed).toBe(true);
  });

  it("turns IP addresses into key prefixes an organization id cannot collide with", () => {
    expect(ipScope("203.0.113.9")).toBe("ip_203-0-113-9");
    expect(ipScope("2001:DB8::1")).toBe("ip_2001-db8--1");
    expect(ipScope("")).toBe("ip_unknown");
  });
});

describe("when Upstash does not answer", () => {
  it("lets the request through within the timeout (fail open) and says so", async () => {
    const stalled = await startStalledHttpServer();
    try {
      const limits = createRateLimits({ upstash: { url: stalled.url, token: "t" } }, silent, {
        timeoutMs: 150,
      });
      const started = performance.now();
      const decision = await limits.check("publicApi", { organizationId: "org_a" }, "key_1");
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(decision).toMatchObject({ allowed: true, failedOpen: true });
      expect(stalled.requests()).toBeGreaterThan(0);
    } finally {
      await stalled.close();
    }
  });

  it("lets the request through when Upstash refuses connections", async () => {
    const stalled = await startStalledHttpServer();
    const url = stalled.url;
    await stalled.close();
    const limits = createRateLimits({ upstash: { url, token: "t" } }, silent, { timeoutMs: 2_000 });
    const decision = await limits.check("signIn", { ip: "198.51.100.1" }, "sign-in");
    expect(decision).toMatchObject({ allowed: true, failedOpen: true });
  });
});
