import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { asFreshEvent } from "./fresh-event";
import { signStripePayload } from "./sign-stripe-payload";
import { loadStripeFixture } from "./stripe-fixtures";

const secret = "whsec_test_orylo";

describe("signStripePayload", () => {
  it("produces a header the real SDK verifies", async () => {
    const event = asFreshEvent(loadStripeFixture("braze-docs", "charge.succeeded_2025-04-30.basil.json"));
    const payload = JSON.stringify(event);
    const header = await signStripePayload(payload, secret);
    const verified = await Stripe.webhooks.constructEventAsync(payload, header, secret);
    expect(verified.id).toBe(event.id);
    expect(verified.type).toBe("charge.succeeded");
  });

  it("is rejected with another secret or a changed body", async () => {
    const payload = JSON.stringify(asFreshEvent(loadStripeFixture("ruby-mock", "charge.failed.json")));
    const header = await signStripePayload(payload, secret);
    await expect(Stripe.webhooks.constructEventAsync(payload, header, "whsec_other")).rejects.toThrow();
    await expect(Stripe.webhooks.constructEventAsync(`${payload} `, header, secret)).rejects.toThrow();
  });

  it("signs at the given time, which the SDK's tolerance then judges", async () => {
    const payload = JSON.stringify(asFreshEvent(loadStripeFixture("ruby-mock", "charge.failed.json")));
    const header = await signStripePayload(payload, secret, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await expect(Stripe.webhooks.constructEventAsync(payload, header, secret)).rejects.toThrow(/tolerance/i);
  });
});
