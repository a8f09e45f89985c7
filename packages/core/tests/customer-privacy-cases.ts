import { type Executor, labels, schema, transactions } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { and, eq, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { explainDetection } from "../src/explanations/explain-detection";
import { labelTransaction } from "../src/labels/label-transaction";
import { addListItems, createList } from "../src/lists/manage-lists";
import { eraseCustomerData, exportCustomerData } from "../src/privacy/customer-privacy";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { platformDelivery, testAi, testCtx } from "./helpers";

/** Distinctive values no fixture holds, so finding one anywhere means erasure missed it. */
function person() {
  const tag = crypto.randomUUID().slice(0, 8);
  return {
    email: `zelda.${tag}@erasure.example`,
    name: `Zelda Quintessa ${tag}`,
    ip: `203.0.113.${(Number.parseInt(tag.slice(0, 2), 16) % 200) + 20}`,
    device: `dev_erasure_${tag}`,
    customer: `cus_erasure${tag}`,
  };
}

export async function countMentions(db: Executor, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of Object.values(schema as Record<string, unknown>).filter((value): value is PgTable =>
    is(value, PgTable),
  )) {
    const name = getTableConfig(table).name;
    const result = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(name)} t where strpos(t::text, ${needle}) > 0`,
    )) as unknown as { rows: { n: number }[] };
    if ((result.rows[0]?.n ?? 0) > 0) found.push(name);
  }
  return found;
}

/** A customer seeded through the real webhook path, lists, labels and explanations of one organization. */
export async function seedCustomer(db: Executor, settings: Record<string, unknown> = {}) {
  const organization = await createTestOrganization(db, { settings });
  const who = person();
  const ctx = withOrganization(
    { ...testCtx(db), actor: { type: "user", userId: "user_privacy" } },
    organization.id,
  );
  const send = async (event: unknown) =>
    receiveStripeWebhook(testCtx(db), await platformDelivery(event, organization.id));

  const list = await createList(ctx, {
    name: `watch_${crypto.randomUUID().slice(0, 6)}`,
    kind: "email",
    action: "block",
  });
  await addListItems(ctx, list.id, { items: [{ value: who.email }] });

  const created = asFreshEvent(loadStripeFixture("ruby-mock", "customer.created.json"));
  Object.assign(created.data.object as Record<string, unknown>, {
    id: who.customer,
    email: who.email,
    name: who.name,
  });
  await send(created);
  const intentId = `pi_erasure${crypto.randomUUID().slice(0, 8)}`;
  const intent = asFreshEvent(loadStripeFixture("ruby-mock", "payment_intent.created.json"));
  Object.assign(intent.data.object as Record<string, unknown>, {
    id: intentId,
    customer: who.customer,
    metadata: { client_ip: who.ip, device_id: who.device, note: `for ${who.name}` },
  });
  await send(intent);
  const charge = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
  const chargeId = `ch_erasure${crypto.randomUUID().slice(0, 8)}`;
  Object.assign(charge.data.object as Record<string, unknown>, {
    id: chargeId,
    customer: who.customer,
    payment_intent: intentId,
    billing_details: { email: who.email, name: who.name, address: null, phone: null },
    metadata: {},
    created: Math.floor(Date.now() / 1000),
  });
  const receipt = await send(charge);
  const detectionId = receipt.detection?.id;
  if (!detectionId) throw new Error("the charge was not scored");
  await explainDetection(testCtx(db), { detectionId, organizationId: organization.id }, testAi());
  await labelTransaction(ctx, chargeId, { kind: "fraud", reason: `${who.name} admitted it` });
  return { organization, ctx, who, chargeId, send };
}

/** The erasure and export cases, run on PGlite (customer-privacy.test.ts) and PostgreSQL (*.pg.test.ts). */
export function customerPrivacyCases(database: () => Executor) {
  it("exports every row the registry links to the customer, and audits the export", async () => {
    const db = database();
    const { ctx, who } = await seedCustomer(db);
    const exported = await exportCustomerData(ctx, who.customer);
    const text = JSON.stringify(exported.tables);
    expect(text).toContain(who.email);
    expect(text).toContain(who.ip);
    expect(exported.tables.transactions).toHaveLength(1);
    expect(exported.tables.stripe_events?.length).toBeGreaterThanOrEqual(3);
    expect(exported.tables.list_items?.map((item) => item.value)).toContain(who.email);
    expect(exported.tables.labels).toHaveLength(1);
    const audit = await db.execute(
      sql`select action from audit_log where organization_id = ${ctx.organizationId} and action = 'customer.exported'`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it("leaves the email, name, IP and device nowhere in the database; a dispute still matches its payment", async () => {
    const db = database();
    const { ctx, who, chargeId, send, organization } = await seedCustomer(db);
    for (const needle of [who.email, who.name, who.ip, who.device])
      expect(await countMentions(db, needle), `${needle} before erasure`).not.toEqual([]);

    const erasure = await eraseCustomerData(ctx, who.customer);
    expect(erasure.erased.transactions).toBe(1);

    for (const needle of [who.email, who.name, who.ip, who.device])
      expect(await countMentions(db, needle), `${needle} after erasure`).toEqual([]);
    const [kept] = await db
      .select({ id: transactions.id, email: transactions.email })
      .from(transactions)
      .where(and(eq(transactions.organizationId, organization.id), eq(transactions.chargeId, chargeId)));
    expect(kept?.email).toMatch(/^pseudo_[0-9a-f]{16}$/);

    const dispute = asFreshEvent(loadStripeFixture("ruby-mock", "charge.dispute.created.json"));
    Object.assign(dispute.data.object as Record<string, unknown>, { charge: chargeId });
    await send(dispute);
    const matched = await db
      .select({ source: labels.source })
      .from(labels)
      .where(and(eq(labels.organizationId, organization.id), eq(labels.transactionId, kept?.id ?? "")));
    expect(matched.map((label) => label.source).sort()).toEqual(["dispute", "merchant"]);
  });

  it("is idempotent and audited, and touches no other organization's customer with the same email", async () => {
    const db = database();
    const first = await seedCustomer(db);
    const other = await seedCustomer(db);
    await db.execute(
      sql`update customers set email = ${first.who.email} where organization_id = ${other.organization.id}`,
    );
    await eraseCustomerData(first.ctx, first.who.customer);
    const again = await eraseCustomerData(first.ctx, first.who.customer);
    expect(Object.values(again.erased).filter((count) => count > 0)).toEqual([]);
    await expect(eraseCustomerData(other.ctx, first.who.customer)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await countMentions(db, first.who.email)).toEqual(["customers"]);
    const audit = (await db.execute(
      sql`select data from audit_log where organization_id = ${first.organization.id} and action = 'customer.erased'`,
    )) as unknown as { rows: { data: { erased: Record<string, number> } }[] };
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows.map((row) => row.data.erased.transactions).sort()).toEqual([0, 1]);
  });
}
