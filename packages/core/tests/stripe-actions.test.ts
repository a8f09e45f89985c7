import { createOutboxStore, detections, stripeActions, taskOutbox, transactions } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { generateId, relayOutbox, runTaskInline } from "@orylo/platform";
import {
  asFreshEvent,
  FAKE_PLATFORM_ACCOUNT,
  type FakeStripe,
  fakeCharge,
  fakePaymentIntent,
  loadStripeFixture,
  startFakeStripe,
  stripeErrors,
} from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOnDetection } from "../src/actions/act-on-detection";
import { closeReviewOnStripe } from "../src/actions/request-actions";
import { withOrganization } from "../src/context";
import { getDetection } from "../src/detections/get-detection";
import { UnavailableError } from "../src/errors";
import type { ActionSettings } from "../src/organizations/organization-settings";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { TASKS, type TaskDeps } from "../src/tasks";
import { platformDelivery, testAi, testAnalytics, testCtx, testStripeAccess } from "./helpers";

const PLATFORM_KEY = "sk_test_orylo_platform";
const REFUNDS = /^\/v1\/refunds$/;
const CANCELS = /^\/v1\/payment_intents\/[^/]+\/cancel$/;
let fake: FakeStripe;
beforeAll(async () => {
  // Opening the worker's PGlite takes seconds on a loaded machine: here, not inside the first test.
  await getTestDatabase();
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

const allOn: Partial<ActionSettings> = { cancelOnBlock: true, refundOnBlock: true };

/** An organization with a BLOCK detection on a stored charge. */
async function blockedPayment(
  payment: {
    chargeId?: string;
    paymentIntentId?: string | null;
    status?: "succeeded" | "failed";
    captured?: boolean;
  },
  options: { actions?: Partial<ActionSettings>; stripeAccountId?: string } = {},
) {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db, {
    settings: { actions: options.actions ?? allOn },
    ...(options.stripeAccountId ? { stripeAccountId: options.stripeAccountId } : {}),
  });
  const transactionId = generateId("txn");
  const chargeId = payment.chargeId ?? `ch_${generateId("t")}`;
  await db.insert(transactions).values({
    id: transactionId,
    organizationId: organization.id,
    chargeId,
    paymentIntentId: payment.paymentIntentId ?? null,
    livemode: false,
    createdAt: new Date(),
    amount: 2000,
    currency: "eur",
    status: payment.status ?? "succeeded",
    captured: payment.captured ?? true,
  });
  const detectionId = generateId("det");
  await db.insert(detections).values({
    id: detectionId,
    organizationId: organization.id,
    transactionId,
    source: "webhook",
    livemode: false,
    decision: "BLOCK",
    riskScore: 92,
    confidence: 0.9,
    trace: {},
    features: {},
    engineVersion: "test",
    rulesetVersion: "builtin",
    latencyMs: 1,
  });
  const ctx = withOrganization(testCtx(db), organization.id);
  return { db, ctx, organizationId: organization.id, detectionId, chargeId };
}

async function actionsOf(organizationId: string) {
  const { db } = await getTestDatabase();
  return db.select().from(stripeActions).where(eq(stripeActions.organizationId, organizationId));
}

describe("acting on a blocked payment", () => {
  it("records a dry run without credentials, with the refund it would have sent", async () => {
    const { ctx, detectionId, chargeId, organizationId } = await blockedPayment({});
    const action = await actOnDetection(ctx, testStripeAccess({ fake }), { detectionId });
    expect(action).toMatchObject({
      kind: "refund_charge",
      stripeObjectId: chargeId,
      status: "dry_run",
      outcome: "would_refund",
      dryRun: true,
      request: { charge: chargeId, reason: "fraudulent", metadata: { orylo_action: "block" } },
    });
    expect(fake.requests.some((r) => r.form.charge === chargeId)).toBe(false);
    expect(await actionsOf(organizationId)).toHaveLength(1);
  });

  it("refunds a captured charge exactly once under concurrent runs and task retries", async () => {
    const charge = fake.add(fakeCharge());
    const { ctx, detectionId, organizationId } = await blockedPayment({ chargeId: charge.id });
    const access = liveAccess(organizationId);
    const before = fake.executed("POST", REFUNDS);
    const runs = await Promise.all(
      Array.from({ length: 6 }, () => actOnDetection(ctx, access, { detectionId })),
    );
    const retried = await actOnDetection(ctx, access, { detectionId });
    expect(fake.executed("POST", REFUNDS)).toBe(before + 1);
    const [stored] = await actionsOf(organizationId);
    expect(stored).toMatchObject({ status: "succeeded", outcome: "refunded", dryRun: false, attempts: 1 });
    expect(stored?.stripeIds.refundId).toMatch(/^re_/);
    expect(retried?.id).toBe(stored?.id);
    expect(runs.every((run) => run?.id === stored?.id)).toBe(true);
    const refund = fake.store.get(FAKE_PLATFORM_ACCOUNT, "refund", stored?.stripeIds.refundId ?? "");
    expect(refund).toMatchObject({
      reason: "fraudulent",
      metadata: { orylo_action: "block", orylo_detection_id: detectionId },
    });
  });

  it("cancels the PaymentIntent of a declined payment on a Connect account, with Stripe-Account", async () => {
    const account = `acct_${generateId("c").slice(2, 18)}`;
    const intent = fake.add(fakePaymentIntent({ status: "requires_payment_method" }), account);
    const { ctx, detectionId } = await blockedPayment(
      { paymentIntentId: intent.id, status: "failed", captured: false },
      { stripeAccountId: account },
    );
    const before = fake.executed("POST", CANCELS);
    const action = await actOnDetection(ctx, testStripeAccess({ fake, platformKey: PLATFORM_KEY }), {
      detectionId,
    });
    expect(fake.executed("POST", CANCELS)).toBe(before + 1);
    expect(action).toMatchObject({ kind: "cancel_payment_intent", status: "succeeded", outcome: "canceled" });
    const request = fake.requests.find((r) => r.path === `/v1/payment_intents/${intent.id}/cancel`);
    expect(request).toMatchObject({
      account,
      apiKey: PLATFORM_KEY,
      form: { cancellation_reason: "fraudulent" },
    });
    expect(request?.idempotencyKey).toBe(action?.idempotencyKey);
  });

  it("retries a rate-limited refund with the same idempotency key, and calls Stripe once when it works", async () => {
    const charge = fake.add(fakeCharge());
    const { ctx, detectionId, organizationId } = await blockedPayment({ chargeId: charge.id });
    const access = liveAccess(organizationId);
    fake.failNext("POST", REFUNDS, stripeErrors.rateLimit);
    await expect(actOnDetection(ctx, access, { detectionId })).rejects.toBeInstanceOf(UnavailableError);
    expect((await actionsOf(organizationId))[0]).toMatchObject({ status: "pending", leaseUntil: null });
    const action = await actOnDetection(ctx, access, { detectionId });
    expect(action).toMatchObject({ status: "succeeded", attempts: 2 });
    const attempts = fake.requests.filter((r) => r.form.charge === charge.id);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size).toBe(1);
  });

  it.each([
    ["an already refunded charge", { refunded: true }, "skipped", "already_refunded"],
    ["a disputed charge", { disputed: true }, "skipped", "disputed"],
  ])("maps %s to a clear outcome without retrying", async (_name, overrides, status, outcome) => {
    const charge = fake.add(fakeCharge(overrides));
    const { ctx, detectionId, organizationId } = await blockedPayment({ chargeId: charge.id });
    const access = liveAccess(organizationId);
    expect(await actOnDetection(ctx, access, { detectionId })).toMatchObject({ status, outcome });
  });

  it("says a PaymentIntent that already succeeded can no longer be canceled", async () => {
    const intent = fake.add(fakePaymentIntent({ status: "succeeded" }));
    const { ctx, detectionId, organizationId } = await blockedPayment({
      paymentIntentId: intent.id,
      captured: false,
    });
    const access = liveAccess(organizationId);
    const action = await actOnDetection(ctx, access, { detectionId });
    expect(action).toMatchObject({ status: "skipped", outcome: "not_cancelable" });
    expect(action?.message).toContain("status of succeeded");
  });

  it("tells the merchant which permission a restricted key lacks", async () => {
    const key = "rk_test_no_refunds";
    fake.addKey(key, { account: FAKE_PLATFORM_ACCOUNT, permissions: ["rak_charge_read"] });
    const charge = fake.add(fakeCharge());
    const { ctx, detectionId, organizationId } = await blockedPayment({ chargeId: charge.id });
    const access = testStripeAccess({ fake, platformKey: key, defaultOrganizationId: organizationId });
    const action = await actOnDetection(ctx, access, { detectionId });
    expect(action).toMatchObject({ status: "failed", outcome: "missing_permission" });
    expect(action?.message).toContain("Refunds: Write");
    expect(action?.message).toContain("rak_refund_write");
  });

  it("does nothing on Stripe when ORYLO_ACTIONS_ENABLED=false, and says so", async () => {
    const charge = fake.add(fakeCharge());
    const { ctx, detectionId, organizationId } = await blockedPayment({ chargeId: charge.id });
    const access = testStripeAccess({
      fake,
      platformKey: PLATFORM_KEY,
      defaultOrganizationId: organizationId,
      actionsEnabled: false,
    });
    expect(await actOnDetection(ctx, access, { detectionId })).toMatchObject({
      status: "skipped",
      outcome: "actions_disabled",
    });
    expect(fake.requests.some((r) => r.form.charge === charge.id)).toBe(false);
  });

  it("respects each switch: refunds off leaves a captured payment alone", async () => {
    const { ctx, detectionId, organizationId } = await blockedPayment(
      {},
      { actions: { cancelOnBlock: true } },
    );
    expect(await actOnDetection(ctx, testStripeAccess({ fake }), { detectionId })).toBeNull();
    expect(await actionsOf(organizationId)).toHaveLength(0);
  });
});

describe("from webhook to action", () => {
  async function blockedCharge(actions: Partial<ActionSettings>) {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { settings: { actions } });
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const charge = (event.data as { object: Record<string, unknown> }).object;
    charge.outcome = { ...(charge.outcome as object), risk_level: "highest", risk_score: 97 };
    const receipt = await receiveStripeWebhook(testCtx(db), await platformDelivery(event, organization.id));
    expect(receipt.detection?.decision).toBe("BLOCK");
    const queued = await db
      .select()
      .from(taskOutbox)
      .where(and(eq(taskOutbox.organizationId, organization.id), eq(taskOutbox.taskId, "detection.act")));
    return { db, organizationId: organization.id, queued, detectionId: receipt.detection?.id };
  }

  it("queues nothing for an observe-only organization (the default)", async () => {
    const { queued } = await blockedCharge({});
    expect(queued).toHaveLength(0);
  });

  it("queues detection.act with the BLOCK, and the task records a dry run", async () => {
    const { db, organizationId, queued, detectionId } = await blockedCharge(allOn);
    expect(queued).toHaveLength(1);
    const logger = testCtx(db).logger;
    const deps: TaskDeps = {
      db,
      logger,
      stripe: testStripeAccess(),
      ai: testAi(),
      analytics: testAnalytics(),
    };
    await relayOutbox(
      createOutboxStore(db),
      runTaskInline(new Map(TASKS.map((t) => [t.id, t])), deps, logger),
    );
    expect(await actionsOf(organizationId)).toEqual([
      expect.objectContaining({ detectionId, kind: "refund_charge", status: "dry_run" }),
    ]);
    const detail = await getDetection(withOrganization(testCtx(db), organizationId), detectionId ?? "");
    expect(detail.stripeEvents.map((e) => e.type)).toEqual(["charge.succeeded"]);
    expect(detail.actions).toEqual([
      expect.objectContaining({
        kind: "refund_charge",
        status: "dry_run",
        outcome: "would_refund",
        dryRun: true,
      }),
    ]);
  });
});

/** An event as Stripe sends it, around an object whose ids the test chose. */
function eventAbout(type: string, object: Record<string, unknown>) {
  return {
    id: `evt_${generateId("t").slice(2)}`,
    object: "event",
    type,
    api_version: "2025-04-30.basil",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object },
  };
}

async function relayWith(db: Awaited<ReturnType<typeof getTestDatabase>>["db"], organizationId: string) {
  const logger = testCtx(db).logger;
  const deps: TaskDeps = {
    db,
    logger,
    stripe: liveAccess(organizationId),
    ai: testAi(),
    analytics: testAnalytics(),
  };
  await relayOutbox(createOutboxStore(db), runTaskInline(new Map(TASKS.map((t) => [t.id, t])), deps, logger));
}

describe("early fraud warnings and reviews", () => {
  async function storedCharge(actions: Partial<ActionSettings>, amount: number) {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { settings: { actions } });
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const charge = (event.data as { object: Record<string, unknown> }).object;
    charge.amount = amount;
    charge.currency = "eur";
    await receiveStripeWebhook(testCtx(db), await platformDelivery(event, organization.id));
    fake.add(fakeCharge({ id: String(charge.id), amount }));
    return { db, organizationId: organization.id, chargeId: String(charge.id) };
  }

  it("refunds a warned payment cheaper than a dispute, once however often the warning is redelivered", async () => {
    const { db, organizationId, chargeId } = await storedCharge({ refundEarlyFraudWarnings: true }, 1200);
    const warning = {
      id: `issfr_${generateId("w").slice(2)}`,
      object: "radar.early_fraud_warning",
      charge: chargeId,
      fraud_type: "stolen_card",
      actionable: true,
    };
    for (const type of ["radar.early_fraud_warning.created", "radar.early_fraud_warning.updated"]) {
      await receiveStripeWebhook(
        testCtx(db),
        await platformDelivery(eventAbout(type, warning), organizationId),
      );
      await relayWith(db, organizationId);
    }
    const refunds = fake.requests.filter((r) => r.path === "/v1/refunds" && r.form.charge === chargeId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.form.metadata).toEqual({
      orylo_action: "early_fraud_warning",
      orylo_detection_id: expect.stringMatching(/^det_/),
    });
    expect(await actionsOf(organizationId)).toEqual([
      expect.objectContaining({ kind: "refund_charge", trigger: "early_fraud_warning", status: "succeeded" }),
    ]);
  });

  it("leaves an expensive, low-risk warned payment to the merchant", async () => {
    const { db, organizationId, chargeId } = await storedCharge({ refundEarlyFraudWarnings: true }, 90_000);
    const warning = {
      id: `issfr_${generateId("w").slice(2)}`,
      object: "radar.early_fraud_warning",
      charge: chargeId,
      actionable: true,
    };
    await receiveStripeWebhook(
      testCtx(db),
      await platformDelivery(eventAbout("radar.early_fraud_warning.created", warning), organizationId),
    );
    await relayWith(db, organizationId);
    expect(await actionsOf(organizationId)).toHaveLength(0);
  });

  it("approves Stripe's Radar review when the merchant approves it in Orylo", async () => {
    const { db, organizationId, chargeId } = await storedCharge({ closeReviews: true }, 5000);
    const review = fake.add({
      id: `prv_${generateId("r").slice(2)}`,
      object: "review",
      created: Math.floor(Date.now() / 1000),
      charge: chargeId,
      open: true,
      reason: "rule",
    });
    await receiveStripeWebhook(
      testCtx(db),
      await platformDelivery(eventAbout("review.opened", review), organizationId),
    );
    const [transaction] = await db.select().from(transactions).where(eq(transactions.chargeId, chargeId));
    const [detection] = await db
      .select()
      .from(detections)
      .where(eq(detections.transactionId, transaction?.id ?? ""));
    const ctx = withOrganization(testCtx(db), organizationId);
    await closeReviewOnStripe(ctx, { detectionId: detection?.id ?? "", outcome: "approve" });
    await relayWith(db, organizationId);
    expect(fake.store.get(FAKE_PLATFORM_ACCOUNT, "review", review.id)).toMatchObject({
      open: false,
      closed_reason: "approved",
    });
    expect(await actionsOf(organizationId)).toEqual([
      expect.objectContaining({
        kind: "approve_review",
        stripeObjectId: review.id,
        trigger: "review_approved",
        status: "succeeded",
      }),
    ]);
  });
});

/** The platform key reaching the fake Stripe server on the organization's behalf: real calls, not dry runs. */
function liveAccess(organizationId: string) {
  return testStripeAccess({ fake, platformKey: PLATFORM_KEY, defaultOrganizationId: organizationId });
}
