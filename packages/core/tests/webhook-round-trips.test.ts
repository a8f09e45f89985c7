import { type Database, schema } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { simulatedTraffic } from "@orylo/testkit/scenarios";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { explainDetection } from "../src/explanations/explain-detection";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { platformDelivery, testAi, testCtx } from "./helpers";

/**
 * SPEC §G (≥ 1 000 decisions/s): each database round trip of the webhook path costs a network hop and a turn
 * of the connection; these bounds keep their number from creeping back up. A transaction costs two more
 * (BEGIN, COMMIT), counted here because Drizzle's logger does not see them on PGlite.
 */
const NEW_CHARGE_ROUND_TRIPS = 10;
const REDELIVERY_ROUND_TRIPS = 3;
/** The `detection.explain` task the webhook queues, with templates: its read, the ledger row, the write. */
const EXPLANATION_ROUND_TRIPS = 3;

async function observedDatabase() {
  const handle = await getTestDatabase();
  if (handle.driver !== "pglite") throw new Error("the default suite runs on PGlite");
  const statements: string[] = [];
  const db = drizzle({
    client: handle.client,
    schema,
    casing: "snake_case",
    logger: { logQuery: (query) => statements.push(query) },
  }) as unknown as Database;
  let transactions = 0;
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => {
    transactions += 1;
    return transaction(run, config);
  }) as typeof db.transaction;
  const reset = () => {
    statements.length = 0;
    transactions = 0;
  };
  const roundTrips = () => statements.length + 2 * transactions;
  const describeTrips = () => statements.map((query) => query.slice(0, 60)).join("\n");
  return { db, base: handle.db, reset, roundTrips, describeTrips };
}

describe("webhook round trips", () => {
  it("a new charge event costs a bounded number of round trips; its redelivery fewer", async () => {
    const { db, base, reset, roundTrips, describeTrips } = await observedDatabase();
    const organization = await createTestOrganization(base);
    const traffic = simulatedTraffic({ seed: 11, end: new Date(), shoppers: 6, days: 1, burstCards: 3 });
    const deliveries = await Promise.all(
      traffic.map(({ event }) => platformDelivery(event, organization.id)),
    );
    const counts: number[] = [];
    for (const delivery of deliveries) {
      reset();
      const receipt = await receiveStripeWebhook(testCtx(db), delivery);
      expect(receipt).toMatchObject({ duplicate: false, status: "processed" });
      expect(receipt.detection).not.toBeNull();
      expect(roundTrips(), describeTrips()).toBeLessThanOrEqual(NEW_CHARGE_ROUND_TRIPS);
      counts.push(roundTrips());
    }
    // Some events need every round trip (a customer, a PaymentIntent): the bound is tight, not loose.
    expect(Math.max(...counts)).toBe(NEW_CHARGE_ROUND_TRIPS);

    reset();
    const again = await receiveStripeWebhook(testCtx(db), deliveries[0]!);
    expect(again).toMatchObject({ duplicate: true, status: "processed" });
    expect(roundTrips(), describeTrips()).toBeLessThanOrEqual(REDELIVERY_ROUND_TRIPS);
  }, 120_000);

  it("the explanation a new charge queues costs three round trips, and a second run one", async () => {
    const { db, base, reset, roundTrips, describeTrips } = await observedDatabase();
    const organization = await createTestOrganization(base);
    const [traffic] = simulatedTraffic({ seed: 12, end: new Date(), shoppers: 1, days: 1, burstCards: 0 });
    const receipt = await receiveStripeWebhook(
      testCtx(db),
      await platformDelivery(traffic!.event, organization.id),
    );
    const work = { detectionId: receipt.detection!.id, organizationId: organization.id };

    reset();
    expect(await explainDetection(testCtx(db), work, testAi())).toBe("ready");
    expect(roundTrips(), describeTrips()).toBe(EXPLANATION_ROUND_TRIPS);
    reset();
    expect(await explainDetection(testCtx(db), work, testAi())).toBe("unchanged");
    expect(roundTrips(), describeTrips()).toBe(1);
  });
});
