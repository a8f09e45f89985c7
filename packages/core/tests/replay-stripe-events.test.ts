import { stripeEvents } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { replayStripeEvents } from "../src/stripe-events/replay-stripe-events";
import { platformDelivery, testCtx } from "./helpers";

describe("replaying dead-lettered events", () => {
  it("processes a dead event again once its payload can be read, and never touches processed ones", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db);
    const poison = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const charge = poison.data.object as Record<string, unknown>;
    const amount = charge.amount;
    charge.amount = "not a number";
    const dead = await receiveStripeWebhook(testCtx(db), await platformDelivery(poison, organization.id));
    expect(dead.status).toBe("dead");

    // The fix: here the stored payload is repaired, as a deploy that reads the new shape would.
    const [stored] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, poison.id));
    const payload = structuredClone(stored!.payload) as { data: { object: Record<string, unknown> } };
    payload.data.object.amount = amount;
    await db.update(stripeEvents).set({ payload }).where(eq(stripeEvents.id, poison.id));

    const fine = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    await receiveStripeWebhook(testCtx(db), await platformDelivery(fine, organization.id));

    const results = await replayStripeEvents(testCtx(db), { ids: [poison.id, fine.id] });

    expect(results).toEqual([{ id: poison.id, status: "processed" }]);
    const [replayed] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, poison.id));
    expect(replayed).toMatchObject({ status: "processed", lastError: null });
    expect(replayed?.detectionId).toMatch(/^det_/);
  });
});
