import { detections, paymentIntents } from "@orylo/db";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as evaluate } from "@/app/api/v1/evaluate/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as createRule } from "@/app/api/v1/rules/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type Merchant = TestMerchant;

let runtime: Runtime;
let merchant: Merchant;

async function call(
  handler: Handler,
  path: string,
  {
    apiKey = merchant.apiKey,
    body,
    headers: extra = {},
  }: { apiKey?: string | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(apiKey ? { authorization: `Bearer ${apiKey}` } : {});
  headers.set("content-type", "application/json");
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({} as never) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const newMerchant = (): Promise<Merchant> => createTestMerchant(runtime.database.db);

const payment = {
  amount: 2000,
  currency: "usd",
  customer: "cus_EvalShopper1",
  email: "Shopper@Example.com",
  ip_address: "203.0.113.7",
  device_id: "dev_123",
  user_agent: "Mozilla/5.0",
  card: { fingerprint: "fpEval123", brand: "visa", funding: "credit", country: "US", iin: "424242" },
  billing_country: "US",
  shipping_country: "us",
  metadata: { order: "1001" },
};

const evaluate$ = (
  body: unknown,
  options: { apiKey?: string | null; headers?: Record<string, string> } = {},
) => call(evaluate, "/api/v1/evaluate", { body, ...options });

function orgDetections(organizationId: string) {
  return runtime.database.db.select().from(detections).where(eq(detections.organizationId, organizationId));
}

beforeAll(async () => {
  runtime = await bootTestRuntime();
  merchant = await newMerchant();
});

describe("POST /api/v1/evaluate", () => {
  it("scores a payment and stores an `evaluate` detection with its trace and features", async () => {
    const shop = await newMerchant();
    const { status, body } = await evaluate$(payment, { apiKey: shop.apiKey });
    expect(status).toBe(200);
    expect(body).toEqual({
      decision: "ALLOW",
      riskScore: expect.any(Number),
      requires3ds: false,
      detectionId: expect.stringMatching(/^det_/),
    });
    const [stored, ...others] = await orgDetections(shop.id);
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({
      id: body.detectionId,
      source: "evaluate",
      transactionId: null,
      paymentIntentId: null,
      decision: "ALLOW",
    });
    expect(stored!.features).toHaveProperty("total_charges_per_card_number_daily", 0);
    expect(stored!.trace).toHaveProperty("contributions");
  });

  it("counts earlier charges to the same billing address, from a hash of it, without storing the address", async () => {
    const shop = await newMerchant();
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
      account: shop.account,
    });
    const charge = event.data.object as Record<string, unknown>;
    Object.assign(charge, {
      id: `ch_addr_${crypto.randomUUID().slice(0, 12)}`,
      billing_details: {
        ...(charge.billing_details as object),
        address: { line1: "12 Rue de la Paix", postal_code: "75002", country: "FR" },
      },
    });
    expect((await sendWebhook(event, { secret: CONNECT_SECRET })).status).toBe(200);

    const sameAddress = { line1: " 12  rue de la PAIX ", postal_code: "75002" };
    const { status, body } = await evaluate$(
      { ...payment, billing_country: "fr", billing_address: sameAddress, shipping_address: sameAddress },
      { apiKey: shop.apiKey },
    );
    expect(status).toBe(200);
    const stored = (await orgDetections(shop.id)).find((row) => row.id === body.detectionId);
    expect(stored!.features).toMatchObject({
      total_charges_per_billing_address_all_time: 1,
      card_count_for_billing_address_all_time: expect.any(Number),
      // The shipping country differs (US): another address.
      total_charges_per_shipping_address_all_time: 0,
    });
    expect(JSON.stringify(stored)).not.toMatch(/paix/i);
  });

  it("answers invalid input with a 400 naming the field", async () => {
    const bad = await evaluate$({ ...payment, amount: 19.99 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect(bad.body.error.message).toMatch(/amount/);

    const nested = await evaluate$({ ...payment, card: { country: "USA" } });
    expect(nested.status).toBe(400);
    expect(nested.body.error.message).toMatch(/card\.country/);

    const unknown = await evaluate$({ ...payment, colour: "red" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/colour/);

    const pi = await evaluate$({ ...payment, payment_intent: "ch_123" });
    expect(pi.status).toBe(400);
    expect(pi.body.error.message).toMatch(/payment_intent/);

    const longKey = await evaluate$(payment, { headers: { "idempotency-key": "k".repeat(300) } });
    expect(longKey.status).toBe(400);
    expect(longKey.body.error.message).toMatch(/Idempotency-Key/);

    const malformed = await evaluate$("{not json");
    expect(malformed.status).toBe(400);
  });

  it("answers 401 without a valid API key", async () => {
    expect((await evaluate$(payment, { apiKey: null })).status).toBe(401);
    expect((await evaluate$(payment, { apiKey: "ork_unknownKey123" })).status).toBe(401);
  });

  it("says requires3ds when an enforced Request 3D Secure rule matches, never from a shadow one", async () => {
    const shop = await newMerchant();
    const created = await call(createRule, "/api/v1/rules", {
      apiKey: shop.apiKey,
      body: { text: "Request 3D Secure if :amount_in_eur: > 100" },
    });
    expect(created.status).toBe(201);
    const small = await evaluate$({ ...payment, amount: 5_000 }, { apiKey: shop.apiKey });
    expect(small.body.requires3ds).toBe(false);
    const large = await evaluate$({ ...payment, amount: 50_000 }, { apiKey: shop.apiKey });
    expect(large.body).toMatchObject({ requires3ds: true, decision: "ALLOW" });

    const other = await newMerchant();
    await call(createRule, "/api/v1/rules", {
      apiKey: other.apiKey,
      body: { text: "Request 3D Secure if :amount_in_eur: > 100", mode: "shadow" },
    });
    expect((await evaluate$({ ...payment, amount: 50_000 }, { apiKey: other.apiKey })).body.requires3ds).toBe(
      false,
    );
  });

  it("applies the organization's block rules", async () => {
    const shop = await newMerchant();
    await call(createRule, "/api/v1/rules", {
      apiKey: shop.apiKey,
      body: { text: "Block if :email: = 'shopper@example.com'" },
    });
    expect((await evaluate$(payment, { apiKey: shop.apiKey })).body.decision).toBe("BLOCK");
  });

  it("links the PaymentIntent's later charge to the evaluation instead of scoring it again", async () => {
    const shop = await newMerchant();
    const pi = `pi_Eval${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const evaluated = await evaluate$({ ...payment, payment_intent: pi }, { apiKey: shop.apiKey });
    expect(evaluated.status).toBe(200);
    const [link] = await runtime.database.db
      .select()
      .from(paymentIntents)
      .where(and(eq(paymentIntents.organizationId, shop.id), eq(paymentIntents.paymentIntentId, pi)));
    expect(link?.evaluationDetectionId).toBe(evaluated.body.detectionId);

    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
      account: shop.account,
    });
    Object.assign(event.data.object as Record<string, unknown>, {
      id: `ch_eval_${crypto.randomUUID().slice(0, 12)}`,
      payment_intent: pi,
    });
    const webhook = await sendWebhook(event, { secret: CONNECT_SECRET });
    expect(webhook.status).toBe(200);
    expect(webhook.body).toMatchObject({
      status: "processed",
      detection: { id: evaluated.body.detectionId, decision: evaluated.body.decision },
    });
    const stored = await orgDetections(shop.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ source: "evaluate", paymentIntentId: pi });
    expect(stored[0]!.transactionId).toMatch(/^txn_/);
  });

  it("answers a retry with the same Idempotency-Key and PaymentIntent with the stored evaluation", async () => {
    const shop = await newMerchant();
    const body = { ...payment, payment_intent: "pi_EvalIdempotent1" };
    const first = await evaluate$(body, {
      apiKey: shop.apiKey,
      headers: { "idempotency-key": "order-1001" },
    });
    const again = await evaluate$(body, {
      apiKey: shop.apiKey,
      headers: { "idempotency-key": "order-1001" },
    });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await orgDetections(shop.id)).toHaveLength(1);

    const other = await evaluate$(body, {
      apiKey: shop.apiKey,
      headers: { "idempotency-key": "order-1001-b" },
    });
    expect(other.body.detectionId).not.toBe(first.body.detectionId);
    expect(await orgDetections(shop.id)).toHaveLength(2);
  });

  it("is in the OpenAPI document", async () => {
    const document = await (await getOpenApi()).json();
    expect(document.paths["/api/v1/evaluate"].post.responses["200"]).toBeDefined();
    expect(document.components.schemas.PaymentEvaluation.properties.requires3ds).toBeDefined();
  });
});
