import { customers, detections, paymentIntents, stripeEvents, transactions } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { simulatedTraffic, type TrafficLabel } from "@orylo/testkit/scenarios";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { retryStripeEvents } from "../src/stripe-events/retry-stripe-events";
import { ingestionSetup, platformDelivery, testCtx } from "./helpers";

const setup = ingestionSetup;

describe("ingesting Stripe events", () => {
  it("scores a charge once whether it arrives in a PaymentIntent (charges.data[]) or a charge event", async () => {
    const { db, organization, send } = await setup();
    const intent = asFreshEvent(
      loadStripeFixture("dj-stripe", "payment_intent_pi_fakefakefakefakefake0001.json"),
      {
        type: "payment_intent.succeeded",
      },
    );
    const embedded = (intent.data.object as { charges: { data: Record<string, unknown>[] } }).charges.data[0];
    const fromIntent = await send(intent);
    const chargeEvent = asFreshEvent({ ...embedded }, { type: "charge.succeeded" });
    (chargeEvent.data.object as Record<string, unknown>).id = embedded?.id;
    const fromCharge = await send(chargeEvent);

    expect(fromIntent.detection).not.toBeNull();
    expect(fromCharge.detection).toEqual(fromIntent.detection);
    const stored = await db
      .select()
      .from(transactions)
      .where(eq(transactions.organizationId, organization.id));
    expect(stored).toHaveLength(1);
    const scored = await db.select().from(detections).where(eq(detections.organizationId, organization.id));
    expect(scored).toHaveLength(1);
  });

  it("merges a PaymentIntent's metadata (IP, device) into its charge", async () => {
    const { db, organization, send } = await setup();
    const charge = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const chargeObject = charge.data.object as Record<string, unknown>;
    const intentId = `pi_merge${Date.now()}`;
    chargeObject.payment_intent = intentId;
    chargeObject.metadata = {};
    const created = asFreshEvent(loadStripeFixture("ruby-mock", "payment_intent.created.json"));
    Object.assign(created.data.object as Record<string, unknown>, {
      id: intentId,
      metadata: { client_ip: "203.0.113.9", device_id: "dev_42" },
    });

    await send(created);
    await send(charge);

    const [pending] = await db
      .select()
      .from(paymentIntents)
      .where(eq(paymentIntents.paymentIntentId, intentId));
    expect(pending?.metadata).toMatchObject({ client_ip: "203.0.113.9" });
    const [stored] = await db
      .select()
      .from(transactions)
      .where(
        and(eq(transactions.organizationId, organization.id), eq(transactions.paymentIntentId, intentId)),
      );
    expect(stored).toMatchObject({ ipAddress: "203.0.113.9", deviceId: "dev_42" });
  });

  it("records the customer's Stripe creation time from customer.created", async () => {
    const { db, organization, send } = await setup();
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "customer.created.json"));
    const customer = event.data.object as { id: string; created: number };
    await send(event);
    const [stored] = await db
      .select()
      .from(customers)
      .where(and(eq(customers.organizationId, organization.id), eq(customers.stripeCustomerId, customer.id)));
    expect(stored?.stripeCreatedAt?.getTime()).toBe(customer.created * 1000);
  });

  it("ignores test-mode events when the organization turned them off", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { settings: { scoreTestMode: false } });
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), { livemode: false });
    const receipt = await receiveStripeWebhook(testCtx(db), await platformDelivery(event, organization.id));
    expect(receipt).toMatchObject({ status: "ignored", detection: null });
  });

  it("repairs an event a crash left `received` on the next retry sweep", async () => {
    const { db, organization } = await setup();
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    await db.insert(stripeEvents).values({
      id: event.id,
      organizationId: organization.id,
      type: event.type,
      livemode: event.livemode,
      stripeCreatedAt: new Date(event.created * 1000),
      payload: event as unknown as Record<string, unknown>,
      status: "received",
      receivedAt: new Date(Date.now() - 5 * 60_000),
    });

    const sweep = await retryStripeEvents(testCtx(db));

    expect(sweep.outcomes.processed).toBeGreaterThanOrEqual(1);
    const [stored] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(stored?.status).toBe("processed");
    expect(stored?.detectionId).toMatch(/^det_/);
  });

  it("blocks a card-testing burst from detector evidence alone and lets shoppers through", async () => {
    const { send } = await setup();
    const traffic = simulatedTraffic({ seed: 7, end: new Date(), shoppers: 30, days: 2, burstCards: 30 });
    const decisions: Record<TrafficLabel, string[]> = { shopper: [], card_testing: [], stolen_card: [] };
    for (const { label, event } of traffic) {
      const receipt = await send(event);
      decisions[label].push(receipt.detection?.decision ?? "none");
    }
    expect(decisions.card_testing.slice(5).every((d) => d === "BLOCK")).toBe(true);
    const flaggedShoppers = decisions.shopper.filter((d) => d !== "ALLOW").length;
    expect(flaggedShoppers / decisions.shopper.length).toBeLessThanOrEqual(0.05);
  });
});
