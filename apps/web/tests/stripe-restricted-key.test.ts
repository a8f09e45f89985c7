import { asFreshEvent, type FakeStripe, loadStripeFixture, startFakeStripe } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as connection } from "@/app/api/stripe/connection/route";
import { POST as connectKey } from "@/app/api/stripe/restricted-key/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { asMember, signedInMember } from "./stripe-session";
import { bootTestRuntime } from "./web-test-runtime";

let fake: FakeStripe;
let runtime: Runtime;
beforeAll(async () => {
  fake = await startFakeStripe();
  runtime = await bootTestRuntime(
    { PORT: "3000" },
    { stripeOverrides: { ...fake.clientOptions, maxNetworkRetries: 0 } },
  );
});
afterAll(() => fake.close());

const READ_AND_HOOKS = ["rak_charge_read", "rak_webhook_write"];

describe("connecting with a restricted key", () => {
  it("validates the key, creates the organization's webhook endpoint and receives its events", async () => {
    const owner = await signedInMember(runtime, "admin");
    const key = `rk_test_${crypto.randomUUID().replaceAll("-", "")}`;
    fake.addKey(key, { account: "acct_restricted", permissions: READ_AND_HOOKS });
    const result = await asMember(connectKey, "/api/stripe/restricted-key", {
      cookie: owner.cookie,
      method: "POST",
      body: { key },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ livemode: false, webhookSecret: "created" });
    const endpointId = String(result.body.webhookUrl).split("/").at(-1) ?? "";
    expect(result.body.webhookUrl).toBe(`http://localhost:3000/api/webhooks/stripe/${endpointId}`);

    const created = fake.requests.find((r) => r.path === "/v1/webhook_endpoints" && r.apiKey === key);
    expect(created?.form.url).toBe(result.body.webhookUrl);
    expect(created?.form.enabled_events).toContain("charge.succeeded");
    const [endpoint] = fake.store.list("acct_restricted", "webhook_endpoint", { url: "" }).data;
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const delivered = await sendWebhook(event, { secret: String(endpoint?.secret), endpointId });
    expect(delivered.body).toMatchObject({ status: "processed" });

    const view = await asMember(connection, "/api/stripe/connection", owner);
    expect(view.body).toMatchObject({ connected: true, method: "restricted_key", oauthAvailable: false });
  });

  it("accepts a pasted webhook secret instead of creating the endpoint", async () => {
    const owner = await signedInMember(runtime, "owner");
    const key = `rk_test_${crypto.randomUUID().replaceAll("-", "")}`;
    fake.addKey(key, { account: "acct_pasted", permissions: ["rak_charge_read"] });
    const result = await asMember(connectKey, "/api/stripe/restricted-key", {
      cookie: owner.cookie,
      method: "POST",
      body: { key, webhookSecret: "whsec_pasted_by_merchant" },
    });
    expect(result.body).toMatchObject({ webhookSecret: "pasted" });
    const endpointId = String(result.body.webhookUrl).split("/").at(-1) ?? "";
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const delivered = await sendWebhook(event, { secret: "whsec_pasted_by_merchant", endpointId });
    expect(delivered.body).toMatchObject({ status: "processed" });
  });

  it("keeps the endpoint URL the dashboard showed before the merchant created it in Stripe", async () => {
    const owner = await signedInMember(runtime, "owner");
    const key = `rk_test_${crypto.randomUUID().replaceAll("-", "")}`;
    fake.addKey(key, { account: "acct_shown", permissions: ["rak_charge_read"] });
    const shown = `we_${crypto.randomUUID().replaceAll("-", "").slice(0, 26)}`;
    const connect = (body: unknown) =>
      asMember(connectKey, "/api/stripe/restricted-key", { cookie: owner.cookie, method: "POST", body });
    // Without a pasted secret Orylo creates and names the endpoint itself.
    expect((await connect({ key, endpointId: shown })).status).toBe(400);
    const result = await connect({ key, webhookSecret: "whsec_made_by_stripe", endpointId: shown });
    expect(result.body.webhookUrl).toBe(`http://localhost:3000/api/webhooks/stripe/${shown}`);
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const delivered = await sendWebhook(event, { secret: "whsec_made_by_stripe", endpointId: shown });
    expect(delivered.body).toMatchObject({ status: "processed" });
  });

  it("says which permission a key lacks, and refuses a key Stripe does not know", async () => {
    const owner = await signedInMember(runtime, "owner");
    const key = "rk_test_webhooksonly";
    fake.addKey(key, { account: "acct_partial", permissions: ["rak_webhook_write"] });
    const partial = await asMember(connectKey, "/api/stripe/restricted-key", {
      cookie: owner.cookie,
      method: "POST",
      body: { key },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.message).toContain("Charges: Read");
    const unknown = await asMember(connectKey, "/api/stripe/restricted-key", {
      cookie: owner.cookie,
      method: "POST",
      body: { key: "rk_test_neverissued" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/does not accept this key/);
    const view = await asMember(connection, "/api/stripe/connection", owner);
    expect(view.body).toMatchObject({ connected: false });
  });
});
