import { hashOauthState } from "@orylo/core";
import { auditLog, organization, stripeConnections, stripeOauthStates, taskOutbox } from "@orylo/db";
import { decryptSecret, keyringFromConfig } from "@orylo/platform";
import { asFreshEvent, type FakeStripe, loadStripeFixture, startFakeStripe } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as callback } from "@/app/api/stripe/connect/callback/route";
import { POST as startConnect } from "@/app/api/stripe/connect/route";
import { GET as connection } from "@/app/api/stripe/connection/route";
import { POST as disconnect } from "@/app/api/stripe/disconnect/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { asMember, signedInMember } from "./stripe-session";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

let fake: FakeStripe;
let runtime: Runtime;
beforeAll(async () => {
  fake = await startFakeStripe();
  runtime = await bootTestRuntime(
    {
      STRIPE_SECRET_KEY: "sk_test_platform_connect",
      STRIPE_CONNECT_CLIENT_ID: "ca_orylo_test",
      PORT: "3000",
    },
    { stripeOverrides: { ...fake.clientOptions, maxNetworkRetries: 0 } },
  );
});
afterAll(() => fake.close());

/** Starts OAuth as the member; returns the state Stripe would send back. */
async function start(cookie: string) {
  const { status, body } = await asMember(startConnect, "/api/stripe/connect", { cookie, method: "POST" });
  expect(status).toBe(200);
  const url = new URL(body.url);
  expect(url.searchParams.get("client_id")).toBe("ca_orylo_test");
  expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/stripe/connect/callback");
  return url.searchParams.get("state") ?? "";
}

/** An owner whose organization went through the whole OAuth flow. */
async function connectedOwner(code: string) {
  const owner = await signedInMember(runtime, "owner");
  const state = await start(owner.cookie);
  const account = newAccount();
  fake.addAuthorizationCode(code, { stripeUserId: account });
  const done = await asMember(callback, `/api/stripe/connect/callback?state=${state}&code=${code}`, owner);
  expect(done.status).toBe(303);
  return { owner, account };
}

const newAccount = () => `acct_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;

async function organizationOf(id: string) {
  const [row] = await runtime.database.db.select().from(organization).where(eq(organization.id, id));
  return row;
}

describe("Connect OAuth", () => {
  it("connects an owner's organization, stores the tokens encrypted and queues the history import", async () => {
    const owner = await signedInMember(runtime, "owner");
    const state = await start(owner.cookie);
    const account = newAccount();
    fake.addAuthorizationCode("ac_good", { stripeUserId: account });
    const done = await asMember(callback, `/api/stripe/connect/callback?state=${state}&code=ac_good`, owner);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`http://localhost:3000/settings?stripe=connected&account=${account}`);
    expect((await organizationOf(owner.organizationId))?.stripeAccountId).toBe(account);

    const [stored] = await runtime.database.db
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.organizationId, owner.organizationId));
    expect(stored).toMatchObject({ method: "oauth", stripeAccountId: account, scope: "read_write" });
    expect(stored?.accessTokenCiphertext).not.toContain("sk_test");
    const token = decryptSecret(
      stored?.accessTokenCiphertext ?? "",
      keyringFromConfig(runtime.config),
      owner.organizationId,
    );
    expect(token).toMatch(/^sk_test_/);
    const queued = await runtime.database.db
      .select()
      .from(taskOutbox)
      .where(
        and(eq(taskOutbox.organizationId, owner.organizationId), eq(taskOutbox.taskId, "stripe.backfill")),
      );
    expect(queued).toHaveLength(1);

    const view = await asMember(connection, "/api/stripe/connection", owner);
    expect(view.body).toMatchObject({
      connected: true,
      method: "oauth",
      stripeAccountId: account,
      oauthAvailable: true,
    });
    expect(view.body.backfill.map((b: { resource: string }) => b.resource)).toEqual([
      "charges",
      "disputes",
      "early_fraud_warnings",
    ]);
  });

  it("rejects a missing, reused, expired or another session's state, and connects nothing", async () => {
    const owner = await signedInMember(runtime, "owner");
    const other = await signedInMember(runtime, "owner");
    fake.addAuthorizationCode("ac_attack", { stripeUserId: newAccount() });
    const attempt = (member: { cookie: string }, query: string) =>
      asMember(callback, `/api/stripe/connect/callback?${query}`, member);

    expect((await attempt(owner, "code=ac_attack")).status).toBe(400);
    expect((await attempt(owner, "state=made-up&code=ac_attack")).status).toBe(400);

    const othersState = await start(other.cookie);
    const stolen = await attempt(owner, `state=${othersState}&code=ac_attack`);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.message).toMatch(/invalid, already used or expired/);
    // Burned by the failed attempt: the rightful session cannot use it either.
    expect((await attempt(other, `state=${othersState}&code=ac_attack`)).status).toBe(400);

    const expiredState = "an-expired-state-value";
    await runtime.database.db.insert(stripeOauthStates).values({
      stateHash: hashOauthState(expiredState),
      organizationId: owner.organizationId,
      userId: owner.userId,
      sessionId: (await sessionIdOf(owner.cookie)) ?? "",
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await attempt(owner, `state=${expiredState}&code=ac_attack`)).status).toBe(400);

    const state = await start(owner.cookie);
    fake.addAuthorizationCode("ac_once", { stripeUserId: newAccount() });
    expect((await attempt(owner, `state=${state}&code=ac_once`)).status).toBe(303);
    expect((await attempt(owner, `state=${state}&code=ac_once`)).status).toBe(400);

    expect((await organizationOf(other.organizationId))?.stripeAccountId).toBeNull();
    expect(fake.requests.filter((r) => r.form.code === "ac_attack")).toHaveLength(0);
  });

  it("refuses members who are not owner or admin, and visitors without a session", async () => {
    const viewer = await signedInMember(runtime, "viewer");
    expect(
      (await asMember(startConnect, "/api/stripe/connect", { cookie: viewer.cookie, method: "POST" })).status,
    ).toBe(403);
    expect(
      (await asMember(startConnect, "/api/stripe/connect", { cookie: null, method: "POST" })).status,
    ).toBe(401);
  });

  it("disconnect deauthorizes at Stripe, stops routing the account's events and keeps history", async () => {
    const { owner, account } = await connectedOwner("ac_leaving");
    const before = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), { account });
    expect((await sendWebhook(before, { secret: CONNECT_SECRET })).body.status).toBe("processed");

    const result = await asMember(disconnect, "/api/stripe/disconnect", {
      cookie: owner.cookie,
      method: "POST",
    });
    expect(result).toMatchObject({ status: 200, body: { disconnected: true } });
    expect(fake.requests.at(-1)).toMatchObject({
      path: "/oauth/deauthorize",
      form: { stripe_user_id: account },
    });
    const after = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), { account });
    expect((await sendWebhook(after, { secret: CONNECT_SECRET })).body.status).toBe("ignored");
    const view = await asMember(connection, "/api/stripe/connection", owner);
    expect(view.body).toMatchObject({ connected: false, method: "oauth", stripeAccountId: account });
    const audit = await runtime.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.organizationId, owner.organizationId))
      .orderBy(auditLog.createdAt);
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["stripe.connected", owner.userId],
      ["stripe.disconnected", owner.userId],
    ]);
  });

  it("account.application.deauthorized stops processing for the account", async () => {
    const { owner, account } = await connectedOwner("ac_deauth");
    const event = asFreshEvent(
      { id: "ca_orylo_test", object: "application", name: "Orylo" },
      { account, type: "account.application.deauthorized" },
    );
    expect((await sendWebhook(event, { secret: CONNECT_SECRET })).body.status).toBe("processed");
    expect((await organizationOf(owner.organizationId))?.stripeAccountId).toBeNull();
    const [stored] = await runtime.database.db
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.organizationId, owner.organizationId));
    expect(stored).toMatchObject({ disconnectReason: "deauthorized", accessTokenCiphertext: null });
  });
});

async function sessionIdOf(cookie: string): Promise<string | undefined> {
  const session = await runtime.auth.api.getSession({ headers: new Headers({ cookie }) });
  return session?.session.id;
}
