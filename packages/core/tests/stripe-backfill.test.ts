import { detections, labels, stripeBackfills, stripeConnections, transactions } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { createKeyring, encryptSecret, generateId } from "@orylo/platform";
import { type FakeStripe, fakeCharge, startFakeStripe, stripeErrors } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { requestStripeBackfill } from "../src/stripe/backfill/request-stripe-backfill";
import { runStripeBackfill } from "../src/stripe/backfill/run-stripe-backfill";
import { stripeForOrganization } from "../src/stripe/stripe-access";
import { TEST_ENCRYPTION_KEY, testCtx, testStripeAccess } from "./helpers";

let fake: FakeStripe;
beforeAll(async () => {
  await getTestDatabase();
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

const DAY = 86_400;

/** An organization connected with a restricted key to its own (fake) Stripe account. */
async function connectedOrganization(keyring = createKeyring(TEST_ENCRYPTION_KEY)) {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  const account = `acct_${generateId("b").slice(2, 18)}`;
  const key = `rk_test_${generateId("k").slice(2)}`;
  fake.addKey(key, {
    account,
    permissions: ["rak_charge_read", "rak_dispute_read", "rak_radar_early_fraud_warning_read"],
  });
  await db.insert(stripeConnections).values({
    organizationId: organization.id,
    method: "restricted_key",
    livemode: false,
    restrictedKeyCiphertext: encryptSecret(key, keyring, organization.id),
    connectedAt: new Date(),
  });
  return { db, account, key, ctx: withOrganization(testCtx(db), organization.id) };
}

describe("stripe.backfill", () => {
  it("imports the 90 days before the connection as history, never scored, resuming after a failure", async () => {
    const { db, account, ctx } = await connectedOrganization();
    const connectedAt = new Date();
    const now = Math.floor(connectedAt.getTime() / 1000);
    const inWindow = Array.from({ length: 230 }, (_, i) =>
      fake.add(fakeCharge({ created: now - 80 * DAY + i * 60, customer: null }), account),
    );
    fake.add(fakeCharge({ created: now - 95 * DAY }), account);
    fake.add(fakeCharge({ created: now + 60 }), account);
    const disputed = inWindow[3]?.id ?? "";
    fake.add(
      {
        id: `dp_${generateId("d").slice(2)}`,
        object: "dispute",
        created: now - 10 * DAY,
        charge: disputed,
        reason: "fraudulent",
        status: "needs_response",
      },
      account,
    );
    fake.add(
      {
        id: `issfr_${generateId("e").slice(2)}`,
        object: "radar.early_fraud_warning",
        created: now - 9 * DAY,
        charge: inWindow[4]?.id,
        fraud_type: "stolen_card",
        actionable: true,
      },
      account,
    );

    await db.transaction((tx) => requestStripeBackfill({ ...ctx, db: tx }, connectedAt));
    const access = testStripeAccess({ fake });
    const firstRequest = fake.requests.length;
    // A 429 first (waited out), then the first page, then a Stripe 500 on the second page: the first page
    // stays stored with its cursor and the run fails for the task to retry.
    fake.failNext("GET", /^\/v1\/charges$/, stripeErrors.rateLimit);
    fake.failNext("GET", /^\/v1\/charges$/, stripeErrors.server, { skip: 1 });
    await expect(runStripeBackfill(ctx, access, { backoffMs: 5 })).rejects.toMatchObject({
      type: "StripeAPIError",
    });
    const [afterFailure] = await db
      .select()
      .from(stripeBackfills)
      .where(
        and(eq(stripeBackfills.organizationId, ctx.organizationId), eq(stripeBackfills.resource, "charges")),
      );
    expect(afterFailure).toMatchObject({ status: "running", imported: 100 });
    expect(afterFailure?.cursor).toMatch(/^ch_/);

    const imported = await runStripeBackfill(ctx, access, { backoffMs: 5 });
    expect(imported).toEqual({ charges: 130, disputes: 1, early_fraud_warnings: 1 });
    const stored = await db
      .select()
      .from(transactions)
      .where(eq(transactions.organizationId, ctx.organizationId));
    expect(stored).toHaveLength(230);
    expect(stored.every((t) => t.isHistory)).toBe(true);
    expect(
      await db.select().from(detections).where(eq(detections.organizationId, ctx.organizationId)),
    ).toHaveLength(0);
    const found = await db.select().from(labels).where(eq(labels.organizationId, ctx.organizationId));
    expect(found.map((l) => l.source).sort()).toEqual(["dispute", "early_fraud_warning"]);
    expect(found.every((l) => l.transactionId !== null)).toBe(true);

    const chargeRequests = fake.requests.slice(firstRequest).filter((r) => r.path === "/v1/charges");
    expect(chargeRequests.map((r) => r.status)).toEqual([429, 200, 500, 200, 200]);
    expect(chargeRequests[3]?.form.starting_after).toBe(afterFailure?.cursor);
    const states = await db
      .select()
      .from(stripeBackfills)
      .where(eq(stripeBackfills.organizationId, ctx.organizationId));
    expect(states.every((s) => s.status === "done")).toBe(true);
  });

  it("fails a resource the key may not read, naming the permission, and imports the others", async () => {
    const { db, ctx, key, account } = await connectedOrganization();
    fake.addKey(key, { account, permissions: ["rak_charge_read"] });
    await db.transaction((tx) => requestStripeBackfill({ ...ctx, db: tx }, new Date()));
    await runStripeBackfill(ctx, testStripeAccess({ fake }), { backoffMs: 5 });
    const states = await db
      .select()
      .from(stripeBackfills)
      .where(eq(stripeBackfills.organizationId, ctx.organizationId));
    expect(states.find((s) => s.resource === "charges")?.status).toBe("done");
    expect(states.find((s) => s.resource === "disputes")).toMatchObject({ status: "failed" });
    expect(states.find((s) => s.resource === "disputes")?.lastError).toContain("Disputes: Read");
  });
});

describe("stored Stripe credentials", () => {
  it("still decrypt after ORYLO_ENCRYPTION_KEY rotates, and are re-encrypted with the new key", async () => {
    const oldKey = TEST_ENCRYPTION_KEY;
    const { db, ctx, key } = await connectedOrganization(createKeyring(oldKey));
    const rotated = {
      ...testStripeAccess({ fake }),
      keyring: createKeyring(Buffer.alloc(32, 3).toString("base64"), [oldKey]),
    };
    const client = await stripeForOrganization(ctx, rotated);
    expect(client?.via).toBe("restricted_key");
    await client?.stripe.charges.list({ limit: 1 });
    expect(fake.requests.at(-1)?.apiKey).toBe(key);
    const [row] = await db
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.organizationId, ctx.organizationId));
    expect(row?.restrictedKeyCiphertext?.split(".")[1]).toBe(rotated.keyring.current.id);
  });
});
