import { detections, type Executor, labels, stripeEvents, transactions } from "@orylo/db";
import { getTestDatabase } from "@orylo/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { applyDataRetention } from "../src/privacy/apply-data-retention";
import { countMentions, seedCustomer } from "./customer-privacy-cases";
import { testCtx } from "./helpers";

const DAY_MS = 24 * 60 * 60 * 1000;
let db: Executor;
beforeAll(async () => {
  db = (await getTestDatabase()).db;
});

function retentionAt(organizationId: string, daysFromNow: number, batchSize?: number) {
  const at = new Date(Date.now() + daysFromNow * DAY_MS);
  const ctx = withOrganization(
    { ...testCtx(db, () => at), actor: { type: "system", task: "data.retention" } },
    organizationId,
  );
  return applyDataRetention(ctx, batchSize ? { batchSize } : {});
}

async function rowsOf(organizationId: string) {
  const where = (table: typeof transactions | typeof labels | typeof detections | typeof stripeEvents) =>
    eq(table.organizationId, organizationId);
  return {
    transactions: (await db.select().from(transactions).where(where(transactions))).length,
    labels: (await db.select().from(labels).where(where(labels))).length,
    detections: (await db.select().from(detections).where(where(detections))).length,
    events: (await db.select().from(stripeEvents).where(where(stripeEvents))).length,
  };
}

describe("data.retention", () => {
  it("keeps everything inside the retention, then drops payloads and personal data, keeping pseudonymized payments and labels", async () => {
    const { organization, who } = await seedCustomer(db);
    const before = await rowsOf(organization.id);

    const early = await retentionAt(organization.id, 89);
    expect(Object.entries(early).filter(([, count]) => count > 0)).toEqual([]);
    expect(await countMentions(db, who.email)).not.toEqual([]);

    const due = await retentionAt(organization.id, 91);
    expect(due).toMatchObject({ transactions: 1, customers: 1 });
    expect(due.stripe_events).toBeGreaterThanOrEqual(3);
    for (const needle of [who.name, who.ip]) expect(await countMentions(db, needle), needle).toEqual([]);
    // Block-list entries (the merchant's own, and those the fraud label added) are decisions, not payment
    // data: they stay until they expire or the customer is erased.
    for (const needle of [who.email, who.device])
      expect(await countMentions(db, needle), needle).toEqual(["list_items"]);
    expect(await rowsOf(organization.id)).toEqual(before);

    const again = await retentionAt(organization.id, 92);
    expect(Object.values(again).filter((count) => count > 0)).toEqual([]);
  });

  it("follows the organization's retention setting", async () => {
    const { organization, who } = await seedCustomer(db, { privacy: { retentionDays: 200 } });
    await retentionAt(organization.id, 120);
    expect(await countMentions(db, who.ip)).not.toEqual([]);
    await retentionAt(organization.id, 201);
    expect(await countMentions(db, who.ip)).toEqual([]);
  });

  it("works in batches until nothing is left", async () => {
    const { organization, who } = await seedCustomer(db);
    const changed = await retentionAt(organization.id, 91, 1);
    expect(changed.stripe_events).toBeGreaterThanOrEqual(3);
    expect(await countMentions(db, who.name)).toEqual([]);
  });
});
