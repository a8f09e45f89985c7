import { generateApiKey } from "@orylo/platform";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDetection } from "@/app/api/v1/detections/[id]/route";
import { GET as listDetections } from "@/app/api/v1/detections/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

let runtime: Runtime;
let merchant: { id: string; apiKey: string; account: string };
const detectionIds: string[] = [];

async function call(
  handler: (request: Request, context: { params: Promise<never> }) => Promise<Response>,
  path: string,
  { apiKey = merchant.apiKey, params = {} }: { apiKey?: string | null; params?: Record<string, string> } = {},
) {
  const headers = apiKey ? { authorization: `Bearer ${apiKey}` } : undefined;
  const response = await handler(new Request(`http://localhost${path}`, { headers }), {
    params: Promise.resolve(params as never),
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  runtime = await bootTestRuntime();
  merchant = await createTestMerchant(runtime.database.db);
  for (const fixture of ["charge.succeeded.json", "charge.failed.json", "charge.succeeded.json"]) {
    const event = asFreshEvent(loadStripeFixture("ruby-mock", fixture), { account: merchant.account });
    const { body } = await sendWebhook(event, { secret: CONNECT_SECRET });
    detectionIds.push((body.detection as { id: string }).id);
  }
});

describe("GET /api/v1/detections", () => {
  it("lists the organization's detections newest first, one page at a time", async () => {
    const first = await call(listDetections, "/api/v1/detections?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.data.map((d: { id: string }) => d.id)).toEqual([detectionIds[2], detectionIds[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await call(listDetections, `/api/v1/detections?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((d: { id: string }) => d.id)).toEqual([detectionIds[0]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("filters by decision and time", async () => {
    const { body } = await call(listDetections, "/api/v1/detections?decision=ALLOW");
    expect(body.data.every((d: { decision: string }) => d.decision === "ALLOW")).toBe(true);
    const future = await call(listDetections, "/api/v1/detections?from=2999-01-01T00:00:00Z");
    expect(future.body.data).toEqual([]);
  });

  it("answers bad filters with a 400 that names the field", async () => {
    const { status, body } = await call(listDetections, "/api/v1/detections?decision=MAYBE&limit=1000");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/decision/);
    expect(body.error.message).toMatch(/limit/);
    const cursor = await call(listDetections, "/api/v1/detections?cursor=garbage");
    expect(cursor.status).toBe(400);
  });

  it("requires an API key", async () => {
    const missing = await call(listDetections, "/api/v1/detections", { apiKey: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: "unauthorized", requestId: expect.any(String) });
    const unknown = await call(listDetections, "/api/v1/detections", { apiKey: generateApiKey() });
    expect(unknown.status).toBe(401);
  });
});

describe("GET /api/v1/detections/{id}", () => {
  it("shows the decision, each detector's contribution and the payment's signals", async () => {
    const id = detectionIds[1] as string;
    const { status, body } = await call(getDetection, `/api/v1/detections/${id}`, { params: { id } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id, engineVersion: expect.any(String), rulesetVersion: "builtin" });
    expect(body.contributions.length).toBeGreaterThan(0);
    expect(body.contributions[0]).toMatchObject({
      detector: expect.any(String),
      reasonCode: expect.any(String),
    });
    expect(body.payment).toMatchObject({ status: "failed", currency: "usd" });
    expect(body.features).toHaveProperty("declined_charges_per_card_number_hourly");
  });

  it("answers 404 for another organization's detection", async () => {
    const { apiKey } = await createTestMerchant(runtime.database.db);
    const id = detectionIds[0] as string;
    const { status, body } = await call(getDetection, `/api/v1/detections/${id}`, { apiKey, params: { id } });
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents the detection endpoints from their zod schemas", async () => {
    const response = await getOpenApi();
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/detections", "/api/v1/detections/{id}", "/api/webhooks/stripe"]),
    );
    const parameters = document.paths["/api/v1/detections"].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(parameters).toEqual(
      expect.arrayContaining(["decision", "from", "to", "customer", "cursor", "limit"]),
    );
  });
});
