import { alerts, stripeEvents, taskOutbox } from "@orylo/db";
import { asFreshEvent, loadStripeFixture, signStripePayload } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../src/errors";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { ALERTS_SEND_TASK } from "../src/tasks";
import { ingestionSetup, PLATFORM_SECRET, platformDelivery, testCtx } from "./helpers";

const setup = ingestionSetup;

const poison = () => {
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
  (event.data.object as Record<string, unknown>).amount = "twelve euros";
  return event;
};

describe("poison events", () => {
  it("are dead-lettered and raise one alert per organization that counts them", async () => {
    const { db, organization, send } = await setup();
    expect(await send(poison())).toMatchObject({ status: "dead", detection: null });
    expect(await send(poison())).toMatchObject({ status: "dead" });

    const raised = await db.select().from(alerts).where(eq(alerts.organizationId, organization.id));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: "stripe_events.dead", severity: "warning", count: 2 });
    expect(raised[0]?.body).toMatch(/amount/);
    const queued = await db
      .select()
      .from(taskOutbox)
      .where(and(eq(taskOutbox.organizationId, organization.id), eq(taskOutbox.taskId, ALERTS_SEND_TASK)));
    expect(queued).toHaveLength(1);
  });

  it("store a NUL character as U+FFFD instead of failing at every delivery", async () => {
    const { db, send } = await setup();
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    (event.data.object as Record<string, unknown>).description = "order\u0000 42";
    const receipt = await send(event);
    expect(receipt.status).toBe("processed");
    const [stored] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(stored?.payload).toMatchObject({ data: { object: { description: "order\uFFFD 42" } } });
  });

  it("refuse a signed body nested too deeply to be an event, storing nothing", async () => {
    const { db, organization } = await setup();
    const rawBody = `{"id":"evt_deep","object":"event","data":${"[".repeat(500)}${"]".repeat(500)}}`;
    const delivery = {
      ...(await platformDelivery({}, organization.id)),
      rawBody,
      signature: await signStripePayload(rawBody, PLATFORM_SECRET),
    };
    await expect(receiveStripeWebhook(testCtx(db), delivery)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, "evt_deep"))).toEqual([]);
  });
});
