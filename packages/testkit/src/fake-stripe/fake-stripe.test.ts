import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripeErrors } from "./errors";
import { fakeCharge, fakePaymentIntent } from "./objects";
import { type FakeStripe, startFakeStripe } from "./server";

let fake: FakeStripe;
let stripe: Stripe;
beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = new Stripe("sk_test_platform", { ...fake.clientOptions, maxNetworkRetries: 0, telemetry: false });
});
afterAll(() => fake.close());

describe("the fake Stripe API, through the real SDK", () => {
  it("pages through a list newest first with has_more and starting_after", async () => {
    const account = "acct_pages";
    fake.addKey("sk_test_pages", { account });
    const client = new Stripe("sk_test_pages", { ...fake.clientOptions, maxNetworkRetries: 0 });
    for (let i = 0; i < 25; i++)
      fake.add(
        fakeCharge({ id: `ch_page${String(i).padStart(2, "0")}`, created: 1_700_000_000 + i }),
        account,
      );
    const first = await client.charges.list({ limit: 10, created: { gte: 1_700_000_005 } });
    expect(first.has_more).toBe(true);
    expect(first.data.map((c) => c.id).slice(0, 2)).toEqual(["ch_page24", "ch_page23"]);
    const seen: string[] = [];
    for await (const charge of client.charges.list({ limit: 7, created: { gte: 1_700_000_005 } }))
      seen.push(charge.id);
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);
    expect(fake.requests.filter((r) => r.apiKey === "sk_test_pages" && r.form.starting_after).length).toBe(2);
  });

  it("cancels a PaymentIntent once, then answers payment_intent_unexpected_state", async () => {
    const intent = fake.add(fakePaymentIntent({ status: "requires_capture" }));
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: "fraudulent" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "fraudulent" });
    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "payment_intent_unexpected_state",
      statusCode: 400,
    });
  });

  it("refunds with metadata, refuses a second refund, and replays an idempotent retry", async () => {
    const charge = fake.add(fakeCharge());
    const before = fake.executed("POST", /^\/v1\/refunds$/);
    const params = { charge: charge.id, reason: "fraudulent" as const, metadata: { orylo_action: "refund" } };
    const refund = await stripe.refunds.create(params, { idempotencyKey: "idem-1" });
    const again = await stripe.refunds.create(params, { idempotencyKey: "idem-1" });
    expect(again.id).toBe(refund.id);
    expect(refund.metadata).toEqual({ orylo_action: "refund" });
    expect(fake.executed("POST", /^\/v1\/refunds$/)).toBe(before + 1);
    expect(fake.requests.at(-1)).toMatchObject({ replayed: true, ran: false });
    await expect(stripe.refunds.create(params, { idempotencyKey: "idem-2" })).rejects.toMatchObject({
      code: "charge_already_refunded",
    });
    await expect(
      stripe.refunds.create({ ...params, reason: "duplicate" }, { idempotencyKey: "idem-1" }),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError" });
  });

  it("answers missing objects, restricted keys, rate limits and bad keys in Stripe's error shapes", async () => {
    await expect(stripe.charges.retrieve("ch_nothing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "resource_missing",
      statusCode: 404,
    });
    fake.addKey("rk_test_readonly", { account: "acct_merchant", permissions: ["rak_charge_read"] });
    const restricted = new Stripe("rk_test_readonly", { ...fake.clientOptions, maxNetworkRetries: 0 });
    const denied = await restricted.refunds.create({ charge: "ch_x" }).catch((error: unknown) => error);
    expect(denied).toMatchObject({ type: "StripePermissionError", statusCode: 403 });
    expect((denied as Error).message).toContain("rak_refund_write");

    fake.failNext("GET", /^\/v1\/charges$/, stripeErrors.rateLimit);
    await expect(stripe.charges.list()).rejects.toMatchObject({
      type: "StripeRateLimitError",
      statusCode: 429,
    });
    await expect(stripe.charges.list()).resolves.toMatchObject({ object: "list" });

    const unknown = new Stripe("rk_test_unknown", { ...fake.clientOptions, maxNetworkRetries: 0 });
    await expect(unknown.charges.list()).rejects.toMatchObject({ type: "StripeAuthenticationError" });
  });

  it("exchanges a single-use OAuth code and deauthorizes the account", async () => {
    fake.addAuthorizationCode("ac_once", { stripeUserId: "acct_connected" });
    const token = await stripe.oauth.token({ grant_type: "authorization_code", code: "ac_once" });
    expect(token).toMatchObject({ stripe_user_id: "acct_connected", scope: "read_write", livemode: false });
    await expect(
      stripe.oauth.token({ grant_type: "authorization_code", code: "ac_once" }),
    ).rejects.toMatchObject({
      type: "StripeInvalidGrantError",
    });
    await expect(
      stripe.oauth.deauthorize({ client_id: "ca_test", stripe_user_id: "acct_connected" }),
    ).resolves.toMatchObject({ stripe_user_id: "acct_connected" });
  });

  it("creates webhook endpoints with a secret, and Radar value lists with their items", async () => {
    const endpoint = await stripe.webhookEndpoints.create({
      url: "https://orylo.test/hook",
      enabled_events: ["charge.succeeded"],
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const list = await stripe.radar.valueLists.create({
      alias: "orylo_blocked_emails",
      name: "Blocked",
      item_type: "email",
    });
    const item = await stripe.radar.valueListItems.create({
      value_list: list.id,
      value: "fraud@example.com",
    });
    const items = await stripe.radar.valueListItems.list({ value_list: list.id });
    expect(items.data.map((i) => i.id)).toEqual([item.id]);
    await expect(stripe.radar.valueListItems.del(item.id)).resolves.toMatchObject({ deleted: true });
  });
});
