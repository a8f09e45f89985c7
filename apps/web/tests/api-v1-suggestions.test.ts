import { getTestDatabase } from "@orylo/db/testing";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getFeedback } from "@/app/api/v1/ai/feedback/route";
import { POST as accept } from "@/app/api/v1/suggestions/[id]/accept/route";
import { POST as reject } from "@/app/api/v1/suggestions/[id]/reject/route";
import { POST as refresh } from "@/app/api/v1/suggestions/refresh/route";
import { GET as list } from "@/app/api/v1/suggestions/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

let runtime: Runtime;
let merchant: TestMerchant;
beforeAll(async () => {
  runtime = await bootTestRuntime({}, { startTasks: true });
  merchant = await createTestMerchant((await getTestDatabase()).db);
});
afterAll(() => runtime.close());

const request = (method: string, path: string, body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${merchant.apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const noParams = { params: Promise.resolve({}) };
const byId = (id: string) => ({ params: Promise.resolve({ id }) });

/** Declined tiny charges from one IP and customer, each with a new card: card testing the engine blocks. */
async function cardTestingBurst() {
  for (let i = 0; i < 6; i++) {
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
      account: merchant.account,
      object: {
        created: Math.floor(Date.now() / 1000) - 60 + i,
        amount: 100,
        currency: "eur",
        status: "failed",
        paid: false,
        captured: false,
        failure_code: "card_declined",
        customer: "cus_apiSuggest",
        metadata: { ip: "198.51.100.77" },
        payment_method_details: {
          type: "card",
          card: {
            brand: "visa",
            country: "FR",
            funding: "credit",
            fingerprint: `fpApiSuggest${i}`,
            checks: {},
          },
        },
      },
    });
    expect((await sendWebhook(event, { secret: CONNECT_SECRET })).status).toBe(200);
  }
}

describe("suggestions through API v1", () => {
  it("refresh queues customers.suggest, whose suggestions are then listed, accepted and rejected", async () => {
    await cardTestingBurst();
    expect((await refresh(request("POST", "/api/v1/suggestions/refresh", {}), noParams)).status).toBe(400);
    const queued = await refresh(
      request("POST", "/api/v1/suggestions/refresh", { kinds: ["blacklist"] }),
      noParams,
    );
    expect(queued.status).toBe(202);
    expect(await queued.json()).toEqual({ queued: true });

    let data: { id: string; subject: string; value: string; status: string }[] = [];
    for (let attempt = 0; attempt < 100 && data.length < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      data = (await (await list(request("GET", "/api/v1/suggestions"), noParams)).json()).data;
    }
    expect(data.map((s) => [s.subject, s.value]).sort()).toEqual([
      ["customer", "cus_apiSuggest"],
      ["ip_address", "198.51.100.77"],
    ]);
    const ip = data.find((s) => s.subject === "ip_address")!;
    const customer = data.find((s) => s.subject === "customer")!;

    const accepted = await accept(request("POST", `/api/v1/suggestions/${ip.id}/accept`), byId(ip.id));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      suggestion: { status: "accepted" },
      listItem: { value: "198.51.100.77" },
    });
    const again = await accept(request("POST", `/api/v1/suggestions/${ip.id}/accept`), byId(ip.id));
    expect(again.status).toBe(409);

    const noReason = await reject(
      request("POST", `/api/v1/suggestions/${customer.id}/reject`, {}),
      byId(customer.id),
    );
    expect(noReason.status).toBe(400);
    const rejected = await reject(
      request("POST", `/api/v1/suggestions/${customer.id}/reject`, { reason: "Our QA account" }),
      byId(customer.id),
    );
    expect(rejected.status).toBe(200);

    const page = await (
      await list(request("GET", "/api/v1/suggestions?status=accepted&limit=1"), noParams)
    ).json();
    expect(page).toMatchObject({ data: [{ id: ip.id }], nextCursor: null });
    const feedback = await (await getFeedback(request("GET", "/api/v1/ai/feedback"), noParams)).json();
    expect(feedback.byKind).toEqual([
      expect.objectContaining({ kind: "blacklist", accepted: 1, rejected: 1, acceptanceRate: 0.5 }),
    ]);
  });
});
