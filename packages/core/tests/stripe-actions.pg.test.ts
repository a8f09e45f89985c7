import { detections, stripeActions, transactions } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { generateId } from "@orylo/platform";
import { type FakeStripe, fakeCharge, startFakeStripe } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOnDetection } from "../src/actions/act-on-detection";
import { withOrganization } from "../src/context";
import { testCtx, testStripeAccess } from "./helpers";

const database = usePostgresDatabase();
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(async () => {
  await fake?.close();
});

describe("actions on Stripe on a PostgreSQL server", () => {
  it("refunds once when 16 runs of the task race on separate connections", async () => {
    const organization = await createTestOrganization(database().db, {
      settings: { actions: { refundOnBlock: true } },
    });
    const charge = fake.add(fakeCharge());
    const transactionId = generateId("txn");
    await database().db.insert(transactions).values({
      id: transactionId,
      organizationId: organization.id,
      chargeId: charge.id,
      livemode: false,
      createdAt: new Date(),
      amount: 2000,
      currency: "eur",
      status: "succeeded",
      captured: true,
    });
    const detectionId = generateId("det");
    await database().db.insert(detections).values({
      id: detectionId,
      organizationId: organization.id,
      transactionId,
      source: "webhook",
      livemode: false,
      decision: "BLOCK",
      riskScore: 95,
      confidence: 1,
      trace: {},
      features: {},
      engineVersion: "test",
      rulesetVersion: "builtin",
      latencyMs: 1,
    });
    const access = testStripeAccess({
      fake,
      platformKey: "sk_test_pg",
      defaultOrganizationId: organization.id,
    });
    const ctx = withOrganization(testCtx(database().db), organization.id);

    const runs = await Promise.all(
      Array.from({ length: 16 }, () => actOnDetection(ctx, access, { detectionId })),
    );

    expect(fake.executed("POST", /^\/v1\/refunds$/)).toBe(1);
    const rows = await database()
      .db.select()
      .from(stripeActions)
      .where(eq(stripeActions.organizationId, organization.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(new Set(runs.map((run) => run?.id))).toEqual(new Set([rows[0]?.id]));
  });
});
