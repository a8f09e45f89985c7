import { detections, stripeEvents, transactions } from "@orylo/db";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, PLATFORM_SECRET } from "./web-test-runtime";

const BURST = 8;

describe("webhook load shedding (embedded PGlite, one connection)", () => {
  it("refuses what cannot get a turn in time with a JSON 503 that stores nothing; the redelivery is processed", async () => {
    // One delivery at a time, and no waiting: every delivery that arrives while another runs is shed.
    const runtime = await bootTestRuntime({}, { webhookAdmission: { capacity: 1, maxWaitMs: 1 } });
    const db = runtime.database.db;
    const events = Array.from({ length: BURST }, () =>
      asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json")),
    );

    const answers = await Promise.all(events.map((event) => sendWebhook(event, { secret: PLATFORM_SECRET })));

    const shed = events.filter((_, index) => answers[index]?.status === 503);
    const taken = events.filter((_, index) => answers[index]?.status === 200);
    expect(shed.length + taken.length).toBe(BURST);
    expect(taken.length).toBeGreaterThanOrEqual(1);
    expect(shed.length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) {
      if (answer.status !== 503) continue;
      expect(answer.body.error).toMatchObject({ code: "overloaded", requestId: expect.any(String) });
      expect(answer.headers.get("retry-after")).toBe("1");
    }

    // Nothing of a shed delivery was written: no event, no charge, no detection.
    const shedIds = shed.map((event) => event.id);
    expect(await db.select().from(stripeEvents).where(inArray(stripeEvents.id, shedIds))).toEqual([]);
    const shedCharges = shed.map((event) => (event.data.object as { id: string }).id);
    expect(await db.select().from(transactions).where(inArray(transactions.chargeId, shedCharges))).toEqual(
      [],
    );

    // Stripe redelivers them once the burst is over: each is stored, scored once and answered 2xx.
    for (const event of shed) {
      const again = await sendWebhook(event, { secret: PLATFORM_SECRET });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ duplicate: false, status: "processed" });
      const [stored] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
      expect(stored?.status).toBe("processed");
      const scored = await db
        .select({ id: detections.id })
        .from(detections)
        .where(eq(detections.id, (again.body.detection as { id: string }).id));
      expect(scored).toHaveLength(1);
    }
  });

  it("refuses at once while the event loop runs late (requests queued before any handler), then takes the redelivery", async () => {
    const runtime = await bootTestRuntime(
      {},
      { webhookAdmission: { capacity: 2, maxWaitMs: 2_000, maxLagMs: 250 } },
    );
    const db = runtime.database.db;
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const chargeId = (event.data.object as { id: string }).id;

    // The loop is busy for 600 ms, as when embedded PGlite's queries have a backlog of requests behind them.
    const start = performance.now();
    while (performance.now() - start < 600) {
      // Nothing else runs meanwhile: no timer, no other request.
    }
    const refused = await sendWebhook(event, { secret: PLATFORM_SECRET });
    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: "overloaded", requestId: expect.any(String) });
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
    expect(await db.select().from(transactions).where(eq(transactions.chargeId, chargeId))).toEqual([]);

    // Stripe delivers it again later; once the loop keeps up, it is stored and scored once.
    let again = refused;
    for (let attempt = 0; attempt < 20 && again.status === 503; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await sendWebhook(event, { secret: PLATFORM_SECRET });
    }
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: false, status: "processed" });
    expect(await db.select().from(transactions).where(eq(transactions.chargeId, chargeId))).toHaveLength(1);
  });
});
