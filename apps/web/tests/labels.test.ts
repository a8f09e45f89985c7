import {
  customers,
  labels,
  listItems,
  lists,
  selectAuditLog,
  transactions,
  trustScoreEvents,
} from "@orylo/db";
import { asFreshEvent, freshStripeId, loadOpenapiExample, loadStripeFixture } from "@orylo/testkit";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as labelRoute } from "@/app/api/v1/transactions/[id]/label/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});
const db = () => runtime.database.db;

interface Shop {
  id: string;
  account: string;
  apiKey: string;
  send: (event: unknown) => ReturnType<typeof sendWebhook>;
}

async function newShop(): Promise<Shop> {
  const merchant = await createTestMerchant(db());
  return {
    ...merchant,
    send: (event) => sendWebhook(event, { secret: CONNECT_SECRET }),
  };
}

interface Payer {
  customer?: string;
  email?: string;
  card?: string;
  device?: string;
}

/** A succeeded charge through the webhook, paid by `payer`; returns its charge id. */
async function charge(shop: Shop, payer: Payer = {}): Promise<string> {
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
    account: shop.account,
  });
  const object = event.data.object as Record<string, unknown> & {
    payment_method_details: { card: Record<string, unknown> };
  };
  const id = freshStripeId("ch");
  Object.assign(object, {
    id,
    payment_intent: null,
    customer: payer.customer ?? null,
    receipt_email: payer.email ?? null,
    metadata: payer.device ? { device_id: payer.device } : {},
  });
  object.payment_method_details.card.fingerprint = payer.card ?? `fp_${crypto.randomUUID().slice(0, 12)}`;
  const { status, body } = await shop.send(event);
  expect(status, JSON.stringify(body)).toBe(200);
  return id;
}

function dispute(shop: Shop, object: Record<string, unknown>, type = "charge.dispute.created") {
  return asFreshEvent(loadStripeFixture("ruby-mock", "charge.dispute.created.json"), {
    account: shop.account,
    type,
    object: { id: freshStripeId("dp"), ...object },
  });
}

const labelsOf = (shop: Shop) =>
  db().select().from(labels).where(eq(labels.organizationId, shop.id)).orderBy(asc(labels.createdAt));

async function blockListed(shop: Shop): Promise<Record<string, { value: string; source: string }[]>> {
  const rows = await db()
    .select({ name: lists.name, value: listItems.value, source: listItems.source })
    .from(listItems)
    .innerJoin(lists, eq(lists.id, listItems.listId))
    .where(eq(listItems.organizationId, shop.id));
  const byName: Record<string, { value: string; source: string }[]> = {};
  for (const { name, value, source } of rows) {
    byName[name] ??= [];
    byName[name].push({ value, source });
  }
  return byName;
}

async function trustOf(shop: Shop, stripeCustomerId: string) {
  const [customer] = await db()
    .select({ id: customers.id, trustScore: customers.trustScore })
    .from(customers)
    .where(and(eq(customers.organizationId, shop.id), eq(customers.customerKey, stripeCustomerId)));
  if (!customer) throw new Error(`no customer ${stripeCustomerId}`);
  const history = await db()
    .select({
      delta: trustScoreEvents.delta,
      scoreAfter: trustScoreEvents.scoreAfter,
      reason: trustScoreEvents.reason,
    })
    .from(trustScoreEvents)
    .where(eq(trustScoreEvents.customerId, customer.id))
    .orderBy(asc(trustScoreEvents.createdAt), asc(trustScoreEvents.id));
  return { score: customer.trustScore, history };
}

async function transactionId(shop: Shop, chargeId: string) {
  const [row] = await db()
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.organizationId, shop.id), eq(transactions.chargeId, chargeId)));
  return row?.id;
}

describe("labels from Stripe webhooks", () => {
  it("labels a fraudulent dispute once, blocks the payment's card, email and device, and costs trust 50", async () => {
    const shop = await newShop();
    const payer = {
      customer: "cus_labels_dispute",
      email: "Thief@Example.com",
      card: "fp_thief",
      device: "dev_thief",
    };
    const chargeId = await charge(shop, payer);
    const created = dispute(shop, { charge: chargeId, reason: "fraudulent" });

    expect((await shop.send(created)).body).toMatchObject({ status: "processed", duplicate: false });
    expect((await shop.send(created)).body).toMatchObject({ duplicate: true });
    const updated = dispute(
      shop,
      { ...created.data.object, status: "under_review" },
      "charge.dispute.updated",
    );
    expect((await shop.send(updated)).body).toMatchObject({ status: "processed" });

    const stored = await labelsOf(shop);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: "fraud",
      source: "dispute",
      stripeObjectId: created.data.object.id,
      chargeId,
      transactionId: await transactionId(shop, chargeId),
      clearedAt: null,
    });
    expect(await blockListed(shop)).toEqual({
      blocked_cards: [{ value: "fp_thief", source: "automatic" }],
      blocked_emails: [{ value: "thief@example.com", source: "automatic" }],
      blocked_devices: [{ value: "dev_thief", source: "automatic" }],
    });
    expect(await trustOf(shop, payer.customer)).toEqual({
      score: 0,
      history: [{ delta: -50, scoreAfter: 0, reason: "dispute" }],
    });
  });

  it("clears a fraudulent dispute's label when the merchant wins it", async () => {
    const shop = await newShop();
    const chargeId = await charge(shop);
    const created = dispute(shop, { charge: chargeId, reason: "fraudulent" });
    await shop.send(created);
    const closed = asFreshEvent(loadStripeFixture("ruby-mock", "charge.dispute.closed.json"), {
      account: shop.account,
      object: { id: created.data.object.id, charge: chargeId, reason: "fraudulent", status: "won" },
    });
    expect((await shop.send(closed)).body).toMatchObject({ status: "processed" });

    const [label] = await labelsOf(shop);
    expect(label?.clearedAt).toBeInstanceOf(Date);
    expect(label?.clearedBy).toBe("stripe:dispute_won");
  });

  it("does not label a dispute of another reason, but blacklists a customer at the third dispute", async () => {
    const shop = await newShop();
    const payer = { customer: "cus_labels_serial", email: "serial@example.com", device: "dev_serial" };
    const cards = ["fp_serial_1", "fp_serial_2", "fp_serial_3"];
    for (const [i, card] of cards.entries()) {
      const chargeId = await charge(shop, { ...payer, card });
      await shop.send(
        dispute(shop, { charge: chargeId, reason: i === 0 ? "general" : "product_not_received" }),
      );
      if (i === 1) expect(await blockListed(shop)).toEqual({});
    }

    expect(await labelsOf(shop)).toEqual([]);
    const listed = await blockListed(shop);
    expect(listed.blocked_customers).toEqual([{ value: payer.customer, source: "automatic" }]);
    expect(listed.blocked_emails).toEqual([{ value: payer.email, source: "automatic" }]);
    expect(listed.blocked_cards?.map((item) => item.value).sort()).toEqual(cards);
    const trust = await trustOf(shop, payer.customer);
    expect(trust.score).toBe(0);
    // Three disputes, then the blacklisting itself (a block list entry costs trust too).
    expect(trust.history.map((event) => event.reason)).toEqual(["dispute", "dispute", "dispute", "blocked"]);
    expect(trust.history.map((event) => event.scoreAfter)).toEqual([0, 0, 0, 0]);
  });

  it("labels an early fraud warning and costs trust 30, once", async () => {
    const shop = await newShop();
    const chargeId = await charge(shop, { customer: "cus_labels_efw" });
    const warning = asFreshEvent(loadOpenapiExample("radar.early_fraud_warning"), {
      account: shop.account,
      object: { id: freshStripeId("issfr"), charge: chargeId },
    });
    await shop.send(warning);
    await shop.send(
      asFreshEvent({ ...warning }, { type: "radar.early_fraud_warning.updated", account: shop.account }),
    );

    expect(await labelsOf(shop)).toEqual([
      expect.objectContaining({ source: "early_fraud_warning", reason: "misc", chargeId }),
    ]);
    expect(await trustOf(shop, "cus_labels_efw")).toEqual({
      score: 20,
      history: [{ delta: -30, scoreAfter: 20, reason: "early_fraud_warning" }],
    });
  });

  it("labels a refund made as fraudulent by the merchant, never one Orylo issued", async () => {
    const shop = await newShop();
    const chargeId = await charge(shop);
    const refund = (metadata: Record<string, string>) =>
      asFreshEvent(loadOpenapiExample("refund"), {
        account: shop.account,
        object: { id: freshStripeId("re"), charge: chargeId, reason: "fraudulent", metadata },
      });
    const merchants = refund({});
    const oryloS = refund({ orylo_action: "refund_on_block" });
    await shop.send(merchants);
    await shop.send(oryloS);
    await shop.send(asFreshEvent({ ...oryloS }, { type: "charge.refund.updated", account: shop.account }));

    expect(await labelsOf(shop)).toEqual([
      expect.objectContaining({ source: "refund", stripeObjectId: merchants.data.object.id, chargeId }),
    ]);
  });

  it("labels the fraudulent refunds embedded in charge.refunded and still moves the charge forward", async () => {
    const shop = await newShop();
    const chargeId = await charge(shop);
    const refunded = asFreshEvent(loadStripeFixture("ruby-mock", "charge.refunded.json"), {
      account: shop.account,
    });
    const object = refunded.data.object as Record<string, unknown>;
    const refundId = freshStripeId("re");
    Object.assign(object, {
      id: chargeId,
      refunds: {
        object: "list",
        data: [
          { id: refundId, object: "refund", charge: chargeId, reason: "fraudulent", metadata: {} },
          { id: freshStripeId("re"), object: "refund", charge: chargeId, reason: "requested_by_customer" },
        ],
      },
    });
    expect((await shop.send(refunded)).body).toMatchObject({ status: "processed" });

    expect(await labelsOf(shop)).toEqual([
      expect.objectContaining({ source: "refund", stripeObjectId: refundId }),
    ]);
  });

  it("labels a review closed as refunded_as_fraud", async () => {
    const shop = await newShop();
    const chargeId = await charge(shop);
    const review = asFreshEvent(loadOpenapiExample("review"), {
      account: shop.account,
      type: "review.closed",
      object: { id: freshStripeId("prv"), charge: chargeId, open: false, closed_reason: "refunded_as_fraud" },
    });
    await shop.send(review);
    const approved = asFreshEvent(loadOpenapiExample("review"), {
      account: shop.account,
      type: "review.closed",
      object: { id: freshStripeId("prv"), charge: chargeId, open: false, closed_reason: "approved" },
    });
    await shop.send(approved);

    expect(await labelsOf(shop)).toEqual([
      expect.objectContaining({
        source: "review",
        reason: "refunded_as_fraud",
        stripeObjectId: review.data.object.id,
      }),
    ]);
  });

  it("stores the label of a charge it never saw without a transaction", async () => {
    const shop = await newShop();
    const unseen = freshStripeId("ch");
    await shop.send(dispute(shop, { charge: unseen, reason: "fraudulent" }));
    expect(await labelsOf(shop)).toEqual([
      expect.objectContaining({ chargeId: unseen, transactionId: null }),
    ]);
    expect(await blockListed(shop)).toEqual({});
  });
});

async function label(shop: Shop, id: string, body: unknown, apiKey: string | null = shop.apiKey) {
  const headers = new Headers({ "content-type": "application/json" });
  if (apiKey) headers.set("authorization", `Bearer ${apiKey}`);
  const request = new Request(`http://localhost/api/v1/transactions/${id}/label`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  const response = await labelRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/v1/transactions/{id}/label", () => {
  it("marks a payment fraud by charge id and blocks its card, email and device", async () => {
    const shop = await newShop();
    const chargeId = await charge(shop, { email: "mark@example.com", card: "fp_mark", device: "dev_mark" });
    const { status, body } = await label(shop, chargeId, { kind: "fraud", reason: "stolen card" });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      transactionId: await transactionId(shop, chargeId),
      chargeId,
      labels: [
        {
          kind: "fraud",
          source: "merchant",
          stripeObjectId: chargeId,
          reason: "stolen card",
          clearedAt: null,
        },
      ],
    });
    expect(Object.keys(await blockListed(shop)).sort()).toEqual([
      "blocked_cards",
      "blocked_devices",
      "blocked_emails",
    ]);
    const [audit] = await selectAuditLog(db(), shop.id, 1);
    expect(audit).toMatchObject({
      action: "transaction.labelled",
      actorType: "api_key",
      targetId: body.transactionId,
      data: { kind: "fraud" },
      requestId: expect.any(String),
    });
  });

  it("a legitimate mark (by our id) clears the payment's active fraud labels", async () => {
    const shop = await newShop();
    const chargeId = await charge(shop);
    await shop.send(dispute(shop, { charge: chargeId, reason: "fraudulent" }));
    const id = (await transactionId(shop, chargeId)) as string;
    const { status, body } = await label(shop, id, { kind: "legitimate" });

    expect(status).toBe(200);
    const bySource = Object.fromEntries(body.labels.map((l: { source: string }) => [l.source, l]));
    expect(bySource.merchant).toMatchObject({ kind: "legitimate", clearedAt: null });
    expect(bySource.dispute).toMatchObject({ kind: "fraud", clearedBy: `api_key:key_${shop.id}` });
    expect(bySource.dispute.clearedAt).not.toBeNull();
  });

  it("answers 404 for another organization's payment, 400 for a bad kind, 401 without a key", async () => {
    const shop = await newShop();
    const stranger = await newShop();
    const chargeId = await charge(shop);
    const id = (await transactionId(shop, chargeId)) as string;
    expect((await label(stranger, id, { kind: "fraud" })).status).toBe(404);
    expect((await label(stranger, chargeId, { kind: "fraud" })).status).toBe(404);
    expect((await label(shop, id, { kind: "maybe" })).status).toBe(400);
    expect((await label(shop, id, { kind: "fraud" }, null)).status).toBe(401);
    expect(await labelsOf(shop)).toEqual([]);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents the label endpoint", async () => {
    const document = await (await getOpenApi()).json();
    expect(document.paths["/api/v1/transactions/{id}/label"].post.responses).toHaveProperty("200");
  });
});
