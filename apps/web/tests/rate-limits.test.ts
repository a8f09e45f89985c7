import { RATE_LIMIT_POLICIES } from "@orylo/platform";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as listLists } from "@/app/api/v1/lists/route";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET, PLATFORM_SECRET } from "./web-test-runtime";

describe("rate limits at the edge", () => {
  it("answers API v1 past the key's limit with a JSON 429 and Retry-After", async () => {
    const runtime = await bootTestRuntime();
    const merchant = await createTestMerchant(runtime.database.db);
    const call = () =>
      listLists(
        new Request("http://localhost/api/v1/lists", {
          headers: { authorization: `Bearer ${merchant.apiKey}` },
        }),
        { params: Promise.resolve({}) },
      );
    expect((await call()).status).toBe(200);
    // Spend the rest of the window's budget on the same counter the route uses.
    for (let i = 1; i < RATE_LIMIT_POLICIES.publicApi.limit; i++) {
      await runtime.rateLimits.check("publicApi", { organizationId: merchant.id }, `key_${merchant.id}`);
    }
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatchObject({
      code: "rate_limited",
      requestId: expect.any(String),
    });

    const other = await createTestMerchant(runtime.database.db);
    const otherCall = await listLists(
      new Request("http://localhost/api/v1/lists", { headers: { authorization: `Bearer ${other.apiKey}` } }),
      { params: Promise.resolve({}) },
    );
    expect(otherCall.status).toBe(200);
  });

  it("limits bad webhook signatures per IP, never a valid Stripe delivery", async () => {
    await bootTestRuntime();
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const forged = { secret: PLATFORM_SECRET, signature: "t=1,v1=deadbeef", ip: "203.0.113.7" };
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT_POLICIES.webhookAbuse.limit; i++) {
      statuses.push((await sendWebhook(event, forged)).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
    const last = await sendWebhook(event, forged);
    expect(last.status).toBe(429);
    expect(last.body.error?.code).toBe("rate_limited");

    const valid = await sendWebhook(event, { secret: PLATFORM_SECRET, ip: "203.0.113.7" });
    expect(valid.status).toBe(200);
    const elsewhere = await sendWebhook(event, { ...forged, ip: "198.51.100.2" });
    expect(elsewhere.status).toBe(400);
    const connect = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    expect((await sendWebhook(connect, { secret: CONNECT_SECRET, ip: "203.0.113.7" })).status).toBe(200);
  });

  it("limits password attempts per IP", async () => {
    await bootTestRuntime({ PORT: "3000" });
    const attempt = (ip: string) =>
      authPost(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost:3000",
            "x-forwarded-for": ip,
          },
          body: JSON.stringify({ email: "demo@example.test", password: "wrong password" }),
        }),
      );
    for (let i = 0; i < RATE_LIMIT_POLICIES.signIn.limit; i++)
      expect((await attempt("192.0.2.1")).status).toBe(401);
    const limited = await attempt("192.0.2.1");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).not.toBeNull();
    expect((await attempt("192.0.2.2")).status).toBe(401);
  });
});
