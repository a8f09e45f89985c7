import { customers, detections, stripeEvents, transactions } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import {
  asFreshEvent,
  loadOpenapiExample,
  loadStripeFixture,
  type StripeFixtureSource,
} from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

type Fixture = { source: StripeFixtureSource; file: string; type?: string };

/** Every vendored payload, sent as Stripe would: fresh ids, bare objects wrapped in an event. */
const FIXTURES: Fixture[] = [
  ...[
    "charge.captured",
    "charge.dispute.closed",
    "charge.dispute.created",
    "charge.failed",
    "charge.refunded",
    "charge.succeeded",
    "charge.updated",
    "customer.created",
    "customer.updated",
    "payment_intent.amount_capturable_updated",
    "payment_intent.canceled",
    "payment_intent.created",
    "payment_intent.payment_failed",
    "payment_intent.processing",
    "payment_intent.requires_action",
    "payment_intent.succeeded",
  ].map((name) => ({ source: "ruby-mock" as const, file: `${name}.json` })),
  { source: "braze-docs", file: "charge.succeeded_2025-04-30.basil.json" },
  { source: "dj-stripe", file: "charge_ch_fakefakefakefakefake0001.json" },
  { source: "dj-stripe", file: "customer_cus_6lsBvm5rJ0zyHc.json" },
  { source: "dj-stripe", file: "dispute_dp_fakefakefakefake01.json", type: "charge.dispute.created" },
  {
    source: "dj-stripe",
    file: "early_fraud_warning_fake_issfr_fakefakefakefakefake0001.json",
    type: "radar.early_fraud_warning.created",
  },
  {
    source: "dj-stripe",
    file: "payment_intent_pi_fakefakefakefakefake0001.json",
    type: "payment_intent.succeeded",
  },
  { source: "dj-stripe", file: "review_fake_prv_fakefakefakefakefake0001.json", type: "review.opened" },
  { source: "stripe-java", file: "charge_with_review.json", type: "charge.succeeded" },
];

type Json = Record<string, unknown>;

/** The charges a payload carries, read independently of our normalizer: what must end up stored. */
function chargesIn(object: Json): Json[] {
  if (object.object === "charge") return [object];
  if (object.object !== "payment_intent") return [];
  const embedded = (object.charges as { data?: Json[] } | undefined)?.data ?? [];
  const latest =
    typeof object.latest_charge === "object" && object.latest_charge ? [object.latest_charge as Json] : [];
  return [...embedded, ...latest];
}

let runtime: Runtime;
let organizationId: string;
let account: string;

beforeAll(async () => {
  runtime = await bootTestRuntime();
  account = `acct_fixtures${Date.now()}`;
  organizationId = (await createTestOrganization(runtime.database.db, { stripeAccountId: account })).id;
});

async function deliver(event: ReturnType<typeof asFreshEvent>) {
  const { status, body } = await sendWebhook({ ...event, account }, { secret: CONNECT_SECRET });
  expect(status, JSON.stringify(body)).toBe(200);
  expect(body).toMatchObject({ received: true, duplicate: false, status: "processed" });
  const [stored] = await runtime.database.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
  expect(stored).toMatchObject({
    type: event.type,
    organizationId,
    status: "processed",
    livemode: event.livemode,
  });
  return body;
}

async function expectChargesStored(object: Json, detectionId: string | undefined) {
  const db = runtime.database.db;
  for (const charge of chargesIn(object)) {
    const [stored] = await db
      .select()
      .from(transactions)
      .where(
        and(eq(transactions.organizationId, organizationId), eq(transactions.chargeId, charge.id as string)),
      );
    expect(stored, `charge ${charge.id as string}`).toMatchObject({
      amount: charge.amount,
      currency: charge.currency,
      status: charge.status === "failed" ? "failed" : charge.status === "pending" ? "pending" : "succeeded",
    });
    const scored = await db.select().from(detections).where(eq(detections.transactionId, stored!.id));
    expect(scored).toHaveLength(1);
  }
  if (chargesIn(object).length > 0) expect(detectionId).toMatch(/^det_/);
}

describe("every vendored Stripe payload, through POST /api/webhooks/stripe", () => {
  it.each(FIXTURES)("$source/$file", async ({ source, file, type }) => {
    const event = asFreshEvent(loadStripeFixture(source, file), type ? { type } : {});
    const body = await deliver(event);
    const object = event.data.object;
    await expectChargesStored(object, (body.detection as { id: string } | null)?.id);
    if (object.object === "customer") {
      const [customer] = await runtime.database.db
        .select()
        .from(customers)
        .where(
          and(
            eq(customers.organizationId, organizationId),
            eq(customers.stripeCustomerId, object.id as string),
          ),
        );
      expect(customer?.stripeCreatedAt?.getTime()).toBe((object.created as number) * 1000);
    }
    if (chargesIn(object).length === 0) expect(body.detection).toBeNull();
  });

  it.each(["charge", "payment_intent"])("openapi %s example at the current API version", async (resource) => {
    const example = loadOpenapiExample(resource);
    const object =
      resource === "payment_intent" ? { ...example, latest_charge: loadOpenapiExample("charge") } : example;
    const event = asFreshEvent(object, {
      type: resource === "charge" ? "charge.succeeded" : "payment_intent.succeeded",
      api_version: "2025-04-30.basil",
    });
    const body = await deliver(event);
    await expectChargesStored(event.data.object, (body.detection as { id: string } | null)?.id);
  });
});
