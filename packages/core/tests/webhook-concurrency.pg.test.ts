import { detections, stripeEvents, transactions } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { retryStripeEvents } from "../src/stripe-events/retry-stripe-events";
import { platformDelivery, testCtx } from "./helpers";

const database = usePostgresDatabase();

describe("webhook ingestion on a PostgreSQL server", () => {
  it("turns 12 concurrent deliveries of one event into one stored event, one charge and one detection", async () => {
    const organization = await createTestOrganization(database().db);
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const delivery = await platformDelivery(event, organization.id);

    const receipts = await Promise.all(
      Array.from({ length: 12 }, () => receiveStripeWebhook(testCtx(database().db), delivery)),
    );

    expect(receipts.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(receipts.map((r) => r.status))).toSatisfy((s: Set<string>) =>
      [...s].every((status) => status === "processed" || status === "received"),
    );
    const charges = await database()
      .db.select()
      .from(transactions)
      .where(eq(transactions.organizationId, organization.id));
    expect(charges).toHaveLength(1);
    const scored = await database()
      .db.select()
      .from(detections)
      .where(eq(detections.organizationId, organization.id));
    expect(scored).toHaveLength(1);
    const [stored] = await database().db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(stored).toMatchObject({ status: "processed", detectionId: scored[0]?.id });
  });

  it("answers 5xx-worthy UnavailableError on a transient failure, keeps the event, and the sweep finishes it", async () => {
    const organization = await createTestOrganization(database().db);
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    // A real fault inside the database: detections cannot be written while the flag row exists.
    await database().db.execute(sql`
      create table if not exists fault_injection (organization_id text primary key);
      create or replace function fail_detection() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from fault_injection where organization_id = new.organization_id) then
          raise exception 'injected fault' using errcode = '57P01';
        end if;
        return new;
      end $$;
      drop trigger if exists fail_detection on detections;
      create trigger fail_detection before insert on detections for each row execute function fail_detection();
    `);
    await database().db.execute(sql`insert into fault_injection values (${organization.id})`);

    const delivery = await platformDelivery(event, organization.id);
    await expect(receiveStripeWebhook(testCtx(database().db), delivery)).rejects.toMatchObject({
      code: "unavailable",
    });
    const [failed] = await database().db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed?.lastError).toMatch(/injected fault/);

    await database().db.execute(sql`delete from fault_injection where organization_id = ${organization.id}`);
    const later = () => new Date(Date.now() + 10 * 60_000);
    await retryStripeEvents(testCtx(database().db, later));

    const [repaired] = await database().db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(repaired).toMatchObject({ status: "processed", attempts: 2 });
    const scored = await database()
      .db.select()
      .from(detections)
      .where(eq(detections.organizationId, organization.id));
    expect(scored).toHaveLength(1);
  });
});
