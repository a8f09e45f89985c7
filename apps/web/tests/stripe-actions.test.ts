import {
  asFreshEvent,
  FAKE_PLATFORM_ACCOUNT,
  type FakeStripe,
  fakeCharge,
  loadStripeFixture,
  startFakeStripe,
} from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listActions } from "@/app/api/v1/actions/route";
import { GET as getDetection } from "@/app/api/v1/detections/[id]/route";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, DEMO_API_KEY, PLATFORM_SECRET } from "./web-test-runtime";

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

/** A captured charge Radar scored `highest`: Orylo blocks it. */
function blockedChargeEvent() {
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
  const charge = (event.data as { object: Record<string, unknown> }).object;
  charge.outcome = { ...(charge.outcome as object), risk_level: "highest", risk_score: 97 };
  return { event, chargeId: String(charge.id) };
}

async function get(
  handler: (request: Request, context: { params: Promise<never> }) => Promise<Response>,
  path: string,
  params: Record<string, string> = {},
) {
  const response = await handler(
    new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } }),
    { params: Promise.resolve(params as never) },
  );
  return { status: response.status, body: await response.json() };
}

async function actionFor(chargeId: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { body } = await get(listActions, "/api/v1/actions?limit=100");
    const found = (body.data as { id: string; stripeObjectId: string; status: string }[]).find(
      (a) => a.stripeObjectId === chargeId && a.status !== "pending",
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no finished action on ${chargeId}`);
}

describe("actions on blocked payments, in embedded mode", () => {
  it("the demo merchant records a dry run, shown in GET /api/v1/actions and on the detection", async () => {
    const runtime = await bootTestRuntime({}, { startTasks: true });
    const { event, chargeId } = blockedChargeEvent();
    const { body } = await sendWebhook(event, { secret: PLATFORM_SECRET });
    const detection = body.detection as { id: string; decision: string };
    expect(detection.decision).toBe("BLOCK");
    const action = await actionFor(chargeId);
    const detail = await get(getDetection, `/api/v1/detections/${detection.id}`, { id: detection.id });
    await runtime.close();

    expect(action).toMatchObject({
      kind: "refund_charge",
      status: "dry_run",
      outcome: "would_refund",
      dryRun: true,
    });
    expect(detail.body.actions).toEqual([expect.objectContaining({ id: action.id })]);
    expect(detail.body.stripeEvents).toEqual([
      expect.objectContaining({ id: event.id, type: "charge.succeeded" }),
    ]);
  });

  it("with STRIPE_SECRET_KEY, refunds once however often Stripe redelivers the event", async () => {
    const runtime = await bootTestRuntime(
      { STRIPE_SECRET_KEY: "sk_test_platform_web" },
      { startTasks: true, stripeOverrides: { ...fake.clientOptions, maxNetworkRetries: 0 } },
    );
    const { event, chargeId } = blockedChargeEvent();
    fake.add(fakeCharge({ id: chargeId }));
    const deliveries = await Promise.all(
      Array.from({ length: 4 }, () => sendWebhook(event, { secret: PLATFORM_SECRET })),
    );
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    await sendWebhook(event, { secret: PLATFORM_SECRET });
    const action = await actionFor(chargeId);
    await runtime.close();

    expect(action).toMatchObject({ status: "succeeded", outcome: "refunded", dryRun: false });
    const refunds = fake.requests.filter((r) => r.path === "/v1/refunds" && r.form.charge === chargeId);
    expect(refunds).toHaveLength(1);
    expect(fake.store.get(FAKE_PLATFORM_ACCOUNT, "charge", chargeId)).toMatchObject({ refunded: true });
  });
});
