import { type FakePostHog, type FakeStripe, startFakePostHog, startFakeStripe } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as callback } from "@/app/api/stripe/connect/callback/route";
import { POST as startConnect } from "@/app/api/stripe/connect/route";
import { POST as connectKey } from "@/app/api/stripe/restricted-key/route";
import type { Runtime } from "@/server/runtime";
import { asMember, signedInMember } from "./stripe-session";
import { bootTestRuntime } from "./web-test-runtime";

let stripe: FakeStripe;
let posthog: FakePostHog;
let runtime: Runtime;
beforeAll(async () => {
  stripe = await startFakeStripe();
  posthog = await startFakePostHog();
  runtime = await bootTestRuntime(
    {
      STRIPE_SECRET_KEY: "sk_test_platform_analytics",
      STRIPE_CONNECT_CLIENT_ID: "ca_orylo_analytics",
      POSTHOG_KEY: "phc_analytics_test",
      POSTHOG_HOST: posthog.url,
      PORT: "3000",
    },
    { stripeOverrides: { ...stripe.clientOptions, maxNetworkRetries: 0 } },
  );
});
afterAll(async () => {
  await stripe.close();
  await posthog.close();
});

describe("stripe_connected", () => {
  it("is sent to PostHog by the OAuth callback and by a restricted-key connection, with the method", async () => {
    const oauthOwner = await signedInMember(runtime, "owner");
    const started = await asMember(startConnect, "/api/stripe/connect", {
      cookie: oauthOwner.cookie,
      method: "POST",
    });
    const state = new URL(started.body.url).searchParams.get("state");
    stripe.addAuthorizationCode("ac_analytics", { stripeUserId: "acct_analyticsOauth" });
    const done = await asMember(
      callback,
      `/api/stripe/connect/callback?state=${state}&code=ac_analytics`,
      oauthOwner,
    );
    expect(done.status).toBe(303);

    const keyOwner = await signedInMember(runtime, "admin");
    const key = `rk_test_${crypto.randomUUID().replaceAll("-", "")}`;
    stripe.addKey(key, {
      account: "acct_analyticsKey",
      permissions: ["rak_charge_read", "rak_webhook_write"],
    });
    const connected = await asMember(connectKey, "/api/stripe/restricted-key", {
      cookie: keyOwner.cookie,
      method: "POST",
      body: { key },
    });
    expect(connected.status).toBe(201);

    await runtime.close();
    const events = (await posthog.waitForEvents(2)).filter((e) => e.event === "stripe_connected");
    expect(events.map((e) => [e.distinct_id, e.properties.method]).sort()).toEqual(
      [
        [oauthOwner.organizationId, "oauth"],
        [keyOwner.organizationId, "restricted_key"],
      ].sort(),
    );
    expect(posthog.requests[0]?.apiKey).toBe("phc_analytics_test");
    expect(JSON.stringify(events)).not.toContain(key);
  });
});
