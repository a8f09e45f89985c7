import { customers, labels, transactions, trustScoreEvents } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { TASKS, trustSettleTask } from "../src/tasks";
import {
  adjustTrustScore,
  recordCustomerBlocked,
  recordCustomerWhitelisted,
} from "../src/trust/adjust-trust-score";
import { settleTrust } from "../src/trust/settle-trust";
import { testAi, testAnalytics, testCtx, testStripeAccess } from "./helpers";

const DAY = 86_400_000;
const NOW = new Date("2025-03-20T06:00:00Z");

async function setup(now = NOW) {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  const ctxAt = (at: Date) =>
    withOrganization(
      testCtx(db, () => at),
      organization.id,
    );
  let n = 0;
  const customer = async () => {
    n += 1;
    const [row] = await db
      .insert(customers)
      .values({
        id: `cust_${organization.id}_${n}`,
        organizationId: organization.id,
        customerKey: `cus_trust_${n}`,
        livemode: false,
        firstSeenAt: now,
        lastSeenAt: now,
      })
      .returning({ id: customers.id });
    return row!.id;
  };
  const payment = async (
    customerRef: string,
    createdAt: Date,
    patch: Partial<typeof transactions.$inferInsert> = {},
  ) => {
    n += 1;
    const id = `txn_${organization.id}_${n}`;
    await db.insert(transactions).values({
      id,
      organizationId: organization.id,
      chargeId: `ch_trust_${organization.id}_${n}`,
      customerRef,
      livemode: false,
      createdAt,
      amount: 2000,
      currency: "usd",
      status: "succeeded",
      captured: true,
      ...patch,
    });
    return id;
  };
  const history = (customerId: string) =>
    db
      .select({
        delta: trustScoreEvents.delta,
        scoreAfter: trustScoreEvents.scoreAfter,
        reason: trustScoreEvents.reason,
      })
      .from(trustScoreEvents)
      .where(
        and(
          eq(trustScoreEvents.organizationId, organization.id),
          eq(trustScoreEvents.customerId, customerId),
        ),
      )
      .orderBy(asc(trustScoreEvents.createdAt), asc(trustScoreEvents.id));
  const score = async (customerId: string) =>
    (await db.select({ s: customers.trustScore }).from(customers).where(eq(customers.id, customerId)))[0]?.s;
  return { db, organization, ctx: ctxAt(now), ctxAt, customer, payment, history, score };
}

describe("trust score", () => {
  it("whitelisting sets 90, blocking costs 10, and every change is in the history", async () => {
    const { ctx, customer, history, score } = await setup();
    const id = await customer();
    expect(await score(id)).toBe(50);
    await recordCustomerWhitelisted(ctx, id);
    await recordCustomerBlocked(ctx, id);
    expect(await score(id)).toBe(80);
    expect(await history(id)).toEqual([
      { delta: 40, scoreAfter: 90, reason: "whitelisted" },
      { delta: -10, scoreAfter: 80, reason: "blocked" },
    ]);
  });

  it("clamps to 0–100 and applies a deduplicated cause once", async () => {
    const { ctx, customer, history, score } = await setup();
    const id = await customer();
    const dispute = {
      customerId: id,
      reason: "dispute" as const,
      change: { delta: -200 },
      dedupeKey: "dispute:dp_1",
    };
    expect(await adjustTrustScore(ctx, dispute)).toEqual({ applied: true, scoreAfter: 0 });
    expect(await adjustTrustScore(ctx, dispute)).toEqual({ applied: false, scoreAfter: 0 });
    await adjustTrustScore(ctx, { customerId: id, reason: "whitelisted", change: { set: 250 } });
    expect(await score(id)).toBe(100);
    expect(await history(id)).toEqual([
      { delta: -50, scoreAfter: 0, reason: "dispute" },
      { delta: 100, scoreAfter: 100, reason: "whitelisted" },
    ]);
  });
});

describe("settleTrust", () => {
  it("credits +5 once a day to customers whose payment settled 14 days ago, and never the same payment twice", async () => {
    const { db, organization, ctx, ctxAt, customer, payment, history, score } = await setup();
    const settled = new Date(NOW.getTime() - 14.5 * DAY);
    const shopper = await customer();
    await payment(shopper, settled);
    await payment(shopper, new Date(settled.getTime() + 3_600_000));
    const recent = await customer();
    await payment(recent, new Date(NOW.getTime() - 3 * DAY));
    const fraudster = await customer();
    const labelled = await payment(fraudster, settled);
    await db.insert(labels).values({
      id: `label_${labelled}`,
      organizationId: organization.id,
      transactionId: labelled,
      kind: "fraud",
      source: "early_fraud_warning",
      stripeObjectId: `issfr_${labelled}`,
    });
    const disputer = await customer();
    const disputed = await payment(disputer, settled);
    await adjustTrustScore(ctx, {
      customerId: disputer,
      reason: "dispute",
      change: { delta: -50 },
      transactionId: disputed,
      dedupeKey: "dispute:dp_x",
    });
    const refunded = await customer();
    await payment(refunded, settled, { amountRefunded: 2000 });

    expect(await settleTrust(ctx)).toEqual({ credited: 1 });
    expect(await settleTrust(ctx)).toEqual({ credited: 0 });
    expect(await settleTrust(ctxAt(new Date(NOW.getTime() + DAY)))).toEqual({ credited: 0 });

    expect(await score(shopper)).toBe(55);
    expect(await history(shopper)).toEqual([{ delta: 5, scoreAfter: 55, reason: "settled_payment" }]);
    for (const other of [recent, fraudster, refunded]) expect(await score(other)).toBe(50);
    expect(await score(disputer)).toBe(0);
  });

  it("catches up the days it did not run and an imported history, oldest day first, within 90 days", async () => {
    const { ctx, ctxAt, customer, payment, history, score } = await setup();
    const regular = await customer();
    for (const daysAgo of [16, 30, 31, 60, 100, 110])
      await payment(regular, new Date(NOW.getTime() - daysAgo * DAY));
    await payment(regular, new Date(NOW.getTime() - 30 * DAY + 3_600_000));

    // 110 days ago settled 96 days ago, before the 90 days caught up; the other five days are credited.
    expect(await settleTrust(ctx)).toEqual({ credited: 5 });
    expect(await score(regular)).toBe(75);
    expect((await history(regular)).map((event) => event.scoreAfter)).toEqual([55, 60, 65, 70, 75]);
    expect(await settleTrust(ctxAt(new Date(NOW.getTime() + DAY)))).toEqual({ credited: 0 });

    // A payment that settles later is credited by the run that follows.
    await payment(regular, new Date(NOW.getTime() - 10 * DAY));
    expect(await settleTrust(ctxAt(new Date(NOW.getTime() + 5 * DAY)))).toEqual({ credited: 1 });
    expect(await score(regular)).toBe(80);
  });
});

describe("trust.settle (the daily task)", () => {
  it("is scheduled and credits settled payments in every organization, once a day", async () => {
    expect(TASKS).toContain(trustSettleTask);
    expect(trustSettleTask.cron).toBe("15 3 * * *");
    const now = new Date();
    const shops = [await setup(now), await setup(now)];
    const shoppers = [];
    for (const shop of shops) {
      const shopper = await shop.customer();
      await shop.payment(shopper, new Date(now.getTime() - 14.5 * DAY));
      shoppers.push({ shop, shopper });
    }
    const deps = {
      db: shops[0]!.db,
      logger: shops[0]!.ctx.logger,
      stripe: testStripeAccess(),
      ai: testAi(),
      analytics: testAnalytics(),
    };
    const first = (await trustSettleTask.run(deps, {})) as { credited: number };
    expect(first.credited).toBeGreaterThanOrEqual(2);
    await trustSettleTask.run(deps, {});
    for (const { shop, shopper } of shoppers) expect(await shop.score(shopper)).toBe(55);
  });
});
