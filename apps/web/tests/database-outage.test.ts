import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, PLATFORM_SECRET } from "./web-test-runtime";

describe("a database outage", () => {
  it("answers Stripe with a JSON 5xx, never a 2xx, so Stripe keeps the event and redelivers it", async () => {
    const runtime = await bootTestRuntime();
    await runtime.database.close();

    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const { status, body } = await sendWebhook(event, { secret: PLATFORM_SECRET });

    expect(status).toBe(500);
    expect(body.error).toMatchObject({ code: "internal_error", requestId: expect.any(String) });
    expect(body.error?.message).not.toMatch(/at \w+ \(/);
  });
});
