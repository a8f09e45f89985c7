import { createApiKey, withOrganization } from "@orylo/core";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportCustomer } from "@/app/api/v1/customers/[id]/export/route";
import { DELETE as eraseCustomer } from "@/app/api/v1/customers/[id]/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

async function call(handler: Handler, method: string, id: string, apiKey?: string) {
  const response = await handler(
    new Request(`http://localhost/api/v1/customers/${encodeURIComponent(id)}`, {
      method,
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    }),
    { params: Promise.resolve({ id }) },
  );
  return { status: response.status, body: await response.json() };
}

/** A merchant whose customer paid once through the webhook, with a distinctive email. */
async function merchantWithCustomer(): Promise<{ merchant: TestMerchant; customer: string; email: string }> {
  const merchant = await createTestMerchant(runtime.database.db);
  const customer = `cus_http${crypto.randomUUID().slice(0, 8)}`;
  const email = `erase.${crypto.randomUUID().slice(0, 8)}@http.example`;
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
    account: merchant.account,
  });
  Object.assign(event.data.object as Record<string, unknown>, {
    id: `ch_http${crypto.randomUUID().slice(0, 8)}`,
    payment_intent: null,
    customer,
    billing_details: { email },
  });
  expect((await sendWebhook(event, { secret: CONNECT_SECRET })).status).toBe(200);
  return { merchant, customer, email };
}

describe("GET /api/v1/customers/{id}/export and DELETE /api/v1/customers/{id}", () => {
  it("exports the customer's rows, then erases them; a second erasure changes nothing", async () => {
    const { merchant, customer, email } = await merchantWithCustomer();
    const exported = await call(exportCustomer, "GET", customer, merchant.apiKey);
    expect(exported.status).toBe(200);
    expect(exported.body.customerId).toBe(customer);
    expect(JSON.stringify(exported.body.tables.transactions)).toContain(email);

    const erased = await call(eraseCustomer, "DELETE", customer, merchant.apiKey);
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ customers: 1, transactions: 1 });
    expect(JSON.stringify((await call(exportCustomer, "GET", customer, merchant.apiKey)).body)).not.toContain(
      email,
    );
    const again = await call(eraseCustomer, "DELETE", customer, merchant.apiKey);
    expect(again.status).toBe(200);
    expect(Object.values(again.body.erased as Record<string, number>).every((count) => count === 0)).toBe(
      true,
    );
  });

  it("answers 404 for another organization's customer and for an unknown one", async () => {
    const { customer } = await merchantWithCustomer();
    const stranger = await createTestMerchant(runtime.database.db);
    for (const [handler, method] of [
      [exportCustomer, "GET"],
      [eraseCustomer, "DELETE"],
    ] as const) {
      const refused = await call(handler, method, customer, stranger.apiKey);
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe("not_found");
      expect((await call(handler, method, "cus_nobody", stranger.apiKey)).status).toBe(404);
    }
  });

  it("refuses bad ids (400), missing keys (401) and a read-only key's erasure (403)", async () => {
    const { merchant, customer } = await merchantWithCustomer();
    for (const id of ["cus with space", "x".repeat(200), "cus_'; drop table customers;--"]) {
      const bad = await call(eraseCustomer, "DELETE", id, merchant.apiKey);
      expect(bad.status, id).toBe(400);
      expect(bad.body.error).toMatchObject({ code: "invalid_request" });
    }
    expect((await call(exportCustomer, "GET", customer)).status).toBe(401);
    const ctx = withOrganization(
      {
        db: runtime.database.db,
        actor: { type: "system", task: "test" },
        requestId: "req_t",
        logger: runtime.logger,
        now: () => new Date(),
        analytics: runtime.analytics,
      },
      merchant.id,
    );
    const reader = await createApiKey(ctx, { name: "reporting", scopes: ["read"] });
    expect((await call(exportCustomer, "GET", customer, reader.token)).status).toBe(200);
    const refused = await call(eraseCustomer, "DELETE", customer, reader.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("`write`");
  });
});

describe("the OpenAPI document", () => {
  it("documents export and erasure with their path parameter", async () => {
    const document = await (await getOpenApi()).json();
    expect(document.paths["/api/v1/customers/{id}"].delete.responses).toHaveProperty("200");
    expect(document.paths["/api/v1/customers/{id}/export"].get.parameters[0]).toMatchObject({
      name: "id",
      in: "path",
    });
  });
});
