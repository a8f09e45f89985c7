import {
  asFreshEvent,
  type FakeOtlpReceiver,
  loadStripeFixture,
  startFakeOtlpReceiver,
} from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

let receiver: FakeOtlpReceiver;
let runtime: Runtime;
beforeAll(async () => {
  receiver = await startFakeOtlpReceiver();
  runtime = await bootTestRuntime({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_SERVICE_NAME: "orylo-web-test",
  });
});
afterAll(async () => {
  // Stops the tracer this file started, so later files of the worker run untraced.
  await runtime.close();
  await receiver.close();
});

describe("OpenTelemetry traces of the webhook path", () => {
  it("exports the request span with the verify and process spans of the event under it", async () => {
    const merchant = await createTestMerchant(runtime.database.db);
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
      account: merchant.account,
    });
    const { status } = await sendWebhook(event, { secret: CONNECT_SECRET });
    expect(status).toBe(200);

    const webhook = await receiver.waitForSpan(
      (span) => span.name === "stripe.webhook" && span.attributes["stripe.event_id"] === event.id,
    );
    expect(webhook).toMatchObject({
      service: "orylo-web-test",
      attributes: {
        "stripe.event_type": "charge.succeeded",
        "orylo.organization_id": merchant.id,
        "orylo.event_status": "processed",
      },
    });
    const request = await receiver.waitForSpan((span) => span.spanId === webhook.parentSpanId);
    expect(request).toMatchObject({
      name: "POST /api/webhooks/stripe",
      attributes: { "http.response.status_code": 200, "url.path": "/api/webhooks/stripe" },
    });
    const children = ["stripe.webhook.verify", "stripe.event.process"];
    for (const name of children) {
      const child = await receiver.waitForSpan(
        (span) => span.name === name && span.parentSpanId === webhook.spanId,
      );
      expect(child.traceId).toBe(webhook.traceId);
    }
  });

  it("records a refused signature as a 400 request span", async () => {
    const { status } = await sendWebhook(
      { id: "evt_traced_forgery", object: "event" },
      { secret: "whsec_wrong" },
    );
    expect(status).toBe(400);
    const verify = await receiver.waitForSpan(
      (span) => span.name === "stripe.webhook.verify" && span.statusCode === 2,
    );
    const webhook = await receiver.waitForSpan((span) => span.spanId === verify.parentSpanId);
    const request = await receiver.waitForSpan((span) => span.spanId === webhook.parentSpanId);
    expect(request.attributes["http.response.status_code"]).toBe(400);
  });
});
