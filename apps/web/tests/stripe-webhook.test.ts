import { detections, stripeEvents, transactions } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, CONNECT_SECRET, PLATFORM_SECRET } from "./web-test-runtime";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

const chargeSucceeded = () => asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
const chargeOf = (event: { data: { object: Record<string, unknown> } }) =>
  event.data.object as { id: string; amount: number; currency: string };

describe("POST /api/webhooks/stripe", () => {
  it("stores, scores and answers a platform charge for the default organization", async () => {
    const event = chargeSucceeded();
    const { status, body } = await sendWebhook(event, { secret: PLATFORM_SECRET });

    expect(status).toBe(200);
    expect(body).toMatchObject({ received: true, duplicate: false, status: "processed" });
    const detection = body.detection as { id: string; decision: string; riskScore: number };
    expect(["ALLOW", "REVIEW", "BLOCK"]).toContain(detection.decision);

    const db = runtime.database.db;
    const [stored] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(stored).toMatchObject({
      status: "processed",
      organizationId: runtime.demo?.organizationId,
      attempts: 1,
    });
    expect(stored?.detectionId).toBe(detection.id);
    const [charge] = await db
      .select()
      .from(transactions)
      .where(eq(transactions.chargeId, chargeOf(event).id));
    expect(charge).toMatchObject({ amount: chargeOf(event).amount, currency: chargeOf(event).currency });
    const [row] = await db.select().from(detections).where(eq(detections.id, detection.id));
    expect(row?.transactionId).toBe(charge?.id);
    expect(Object.keys(row?.features ?? {})).toContain("total_charges_per_card_number_hourly");
  });

  it("answers a redelivery with the same detection and scores nothing twice", async () => {
    const event = chargeSucceeded();
    const first = await sendWebhook(event, { secret: PLATFORM_SECRET });
    const again = await sendWebhook(event, { secret: PLATFORM_SECRET });

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      duplicate: true,
      status: "processed",
      detection: first.body.detection,
    });
    const stored = await runtime.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.chargeId, chargeOf(event).id));
    expect(stored).toHaveLength(1);
  });

  it("rejects a missing or wrong signature with a JSON 400 and stores nothing", async () => {
    const event = chargeSucceeded();
    const unsigned = await sendWebhook(event, { secret: PLATFORM_SECRET, signature: null });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error).toMatchObject({ code: "invalid_signature" });
    expect(unsigned.body.error?.message).toMatch(/Stripe-Signature/);

    const forged = await sendWebhook(event, { secret: "whsec_not_ours" });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({ code: "invalid_signature" });

    const stored = await runtime.database.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(stored).toHaveLength(0);
  });

  it("rejects a signed body that is not JSON, or not an event, with a 400 that says so", async () => {
    const notJson = await sendWebhook("{not json", { secret: PLATFORM_SECRET });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatchObject({ code: "invalid_request" });

    const notEvent = await sendWebhook({ hello: "world" }, { secret: PLATFORM_SECRET });
    expect(notEvent.status).toBe(400);
    expect(notEvent.body.error?.message).toMatch(/not a Stripe event/);
  });

  it("dead-letters a poison payload with a 200 so Stripe keeps the endpoint", async () => {
    const event = chargeSucceeded();
    (event.data.object as Record<string, unknown>).amount = "twelve euros";
    const { status, body } = await sendWebhook(event, { secret: PLATFORM_SECRET });

    expect(status).toBe(200);
    expect(body).toMatchObject({ received: true, status: "dead", detection: null });
    const [stored] = await runtime.database.db
      .select()
      .from(stripeEvents)
      .where(eq(stripeEvents.id, event.id));
    expect(stored?.status).toBe("dead");
    expect(stored?.lastError).toMatch(/amount/);
  });

  it("stores and acknowledges event types it does not act on", async () => {
    const event = asFreshEvent(
      loadStripeFixture("dj-stripe", "review_fake_prv_fakefakefakefakefake0001.json"),
      {
        type: "review.opened",
      },
    );
    const { status, body } = await sendWebhook(event, { secret: PLATFORM_SECRET });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "processed", detection: null });
  });

  it("routes Connect events by account, and ignores accounts nobody connected", async () => {
    const db = runtime.database.db;
    const merchant = await createTestOrganization(db, { stripeAccountId: `acct_${Date.now()}` });
    const routed = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
      account: merchant.stripeAccountId ?? undefined,
    });
    const delivered = await sendWebhook(routed, { secret: CONNECT_SECRET });
    expect(delivered.body).toMatchObject({ status: "processed" });
    const [stored] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, routed.id));
    expect(stored?.organizationId).toBe(merchant.id);

    const stranger = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
      account: "acct_nobody_connected",
    });
    const ignored = await sendWebhook(stranger, { secret: CONNECT_SECRET });
    expect(ignored.status).toBe(200);
    expect(ignored.body).toMatchObject({ status: "ignored", detection: null });
  });
});
