import { sendTestEvent } from "@orylo/core";
import { createTestOrganization } from "@orylo/db/testing";
import { freePort } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendWebhookTestEvent, startWithDemoData } from "@/app/(dashboard)/onboarding/actions";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { actAs, createMemberSession } from "./request-headers";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime } from "./web-test-runtime";
import { startWebhookBridge } from "./webhook-bridge";

vi.mock("next/headers", async () => (await import("./request-headers")).nextHeaders);

let runtime: Runtime;
let bridge: Awaited<ReturnType<typeof startWebhookBridge>>;

beforeAll(async () => {
  bridge = await startWebhookBridge();
  runtime = await bootTestRuntime({ ORYLO_PUBLIC_URL: bridge.url });
});
afterAll(() => bridge.close());

async function newOwner(options: { stripeAccountId?: string } = {}) {
  const organization = await createTestOrganization(runtime.database.db, options);
  const session = await createMemberSession(runtime, organization.id, "owner");
  actAs(session);
  return { organizationId: organization.id, session };
}

describe("onboarding: start with demo data, then a test event through the real webhook path", () => {
  it("a new organization has nothing to test until it has a source", async () => {
    await newOwner();
    expect(await sendWebhookTestEvent({})).toMatchObject({
      ok: false,
      status: 400,
      error: { message: expect.stringContaining("start with demo data") },
    });
  });

  it("the demo endpoint takes signed traffic for its organization only, and the test event is scored", async () => {
    const { organizationId } = await newOwner();
    const started = await startWithDemoData({});
    if (!started.ok) throw new Error(JSON.stringify(started));
    const demo = started.data;
    expect(demo.webhookUrl).toBe(`${bridge.url}/api/webhooks/stripe/${demo.endpointId}`);
    expect(demo.signingSecret).toMatch(/^whsec_\w{32}$/);
    // Asking again is the same endpoint, not a second one.
    expect(await startWithDemoData({})).toEqual({ ok: true, data: demo });

    const tested = await sendWebhookTestEvent({});
    if (!tested.ok) throw new Error(JSON.stringify(tested));
    expect(tested.data).toMatchObject({
      url: demo.webhookUrl,
      httpStatus: 200,
      error: null,
      receipt: { received: true, duplicate: false, status: "processed", detection: { decision: "ALLOW" } },
    });
    const stored = await runtime.database.db.query.stripeEvents.findFirst({
      where: (events, { eq }) => eq(events.id, tested.data.eventId),
    });
    expect(stored).toMatchObject({ organizationId, endpointId: demo.endpointId, livemode: false });

    // A wrong secret on the same endpoint is refused: the check would have said so.
    const forged = await sendWebhook(
      { id: "evt_forged", type: "charge.succeeded", livemode: false, created: 1, data: { object: {} } },
      { secret: "whsec_not_the_endpoint_secret", endpointId: demo.endpointId },
    );
    expect(forged.status).toBe(400);
  });

  it("a Connect merchant's test event goes to the shared endpoint with its account", async () => {
    const account = `acct_onb${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
    await newOwner({ stripeAccountId: account });
    const tested = await sendWebhookTestEvent({});
    if (!tested.ok) throw new Error(JSON.stringify(tested));
    expect(tested.data).toMatchObject({
      url: `${bridge.url}/api/webhooks/stripe`,
      receipt: { status: "processed", detection: { decision: "ALLOW" } },
    });
  });

  it("an unreachable public URL is reported as the check's answer, not thrown", async () => {
    const { organizationId } = await newOwner();
    await startWithDemoData({});
    const closedPort = await freePort();
    const ctx = {
      ...requestContext(runtime),
      actor: { type: "system" as const, task: "test" },
      organizationId,
    };
    const result = await sendTestEvent(
      { ...ctx, organization: { reportingCurrency: "eur" } },
      {
        publicUrl: `http://127.0.0.1:${closedPort}`,
        shared: runtime.sharedWebhookRoute,
        keyring: runtime.stripe.keyring,
      },
      fetch,
    );
    expect(result).toMatchObject({
      httpStatus: 0,
      receipt: null,
      error: expect.stringContaining("ORYLO_PUBLIC_URL"),
    });
  });

  it("a viewer may not start a demo nor send test events", async () => {
    const organization = await createTestOrganization(runtime.database.db);
    actAs(await createMemberSession(runtime, organization.id, "viewer"));
    expect(await startWithDemoData({})).toMatchObject({ ok: false, status: 403 });
    expect(await sendWebhookTestEvent({})).toMatchObject({ ok: false, status: 403 });
  });
});
