import { describe, expect, it } from "vitest";
import { asFreshEvent, inferEventType } from "./fresh-event";
import { loadOpenapiExample, loadStripeFixture } from "./stripe-fixtures";

type Json = Record<string, unknown>;
const embeddedCharges = (pi: Json) => (pi.charges as { data: Json[] }).data;

describe("asFreshEvent", () => {
  it("gives each wrapping of the same fixture a new event, charge and PaymentIntent id", () => {
    const fixture = loadStripeFixture("ruby-mock", "charge.failed.json");
    const a = asFreshEvent(fixture);
    const b = asFreshEvent(fixture);
    expect(a.id).toMatch(/^evt_[0-9a-f]{24}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.data.object.id).toMatch(/^ch_[0-9a-f]{24}$/);
    expect(a.data.object.id).not.toBe(b.data.object.id);
    expect(a.data.object.id).not.toBe("ch_000000000000000000000000");
    expect(a.data.object.payment_intent).toMatch(/^pi_[0-9a-f]{24}$/);
    expect(a.data.object.payment_intent).not.toBe(b.data.object.payment_intent);
  });

  it("keeps an event fixture's type, API version, time and mode, and leaves the fixture untouched", () => {
    const fixture = loadStripeFixture("ruby-mock", "charge.failed.json");
    const event = asFreshEvent(fixture);
    expect(event).toMatchObject({ type: "charge.failed", api_version: "2020-08-27", created: 1648320028 });
    expect(event.livemode).toBe(false);
    expect((fixture.data as Json).object).toMatchObject({ id: "ch_000000000000000000000000" });
  });

  it("rewrites an old PaymentIntent's embedded charges and every reference to it consistently", () => {
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "payment_intent.succeeded.json"));
    const pi = event.data.object;
    const [charge] = embeddedCharges(pi);
    expect(pi.id).toMatch(/^pi_[0-9a-f]{24}$/);
    expect(charge?.id).toMatch(/^ch_[0-9a-f]{24}$/);
    expect(charge?.payment_intent).toBe(pi.id);
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect((pi.charges as Json).url).toBe(`/v1/charges?payment_intent=${pi.id}`);
    expect(JSON.stringify(event)).not.toContain("pi_000000000000000000000000");
    expect(JSON.stringify(event)).not.toContain("ch_000000000000000000000000");
  });

  it("maps a latest_charge id and the expanded charge carrying that id to the same fresh id", () => {
    const charge: Json = { ...loadOpenapiExample("charge"), payment_intent: "pi_1PgafyB7WZ01zgkWSjxsAJo3" };
    const pi = loadOpenapiExample("payment_intent");
    const expanded = asFreshEvent(pi, { object: { latest_charge: charge } }).data.object;
    const latest = expanded.latest_charge as Json;
    expect(latest.id).not.toBe(charge.id);
    expect(latest.payment_intent).toBe(expanded.id);

    const byId = asFreshEvent({ ...pi, latest_charge: charge.id, charges: { data: [charge] } }).data.object;
    expect(byId.latest_charge).toBe(embeddedCharges(byId)[0]?.id);
  });

  it("wraps a bare object in a synthetic event, inferring the type", () => {
    const charge = loadStripeFixture("dj-stripe", "charge_ch_fakefakefakefakefake0001.json");
    const event = asFreshEvent(charge);
    expect(event).toMatchObject({
      object: "event",
      type: "charge.succeeded",
      api_version: null,
      livemode: false,
    });
    expect(event.created).toBe(charge.created);
    expect(event.data.object).toMatchObject({ object: "charge", amount: 2000 });
    expect(event).not.toHaveProperty("account");
  });

  it("takes the type, version, account and object fields from overrides", () => {
    const pi = loadStripeFixture("dj-stripe", "payment_intent_pi_fakefakefakefakefake0001.json");
    const event = asFreshEvent(pi, {
      type: "payment_intent.processing",
      api_version: "2019-05-16",
      account: "acct_123",
      livemode: true,
      object: { metadata: { ip: "203.0.113.7" } },
    });
    expect(event).toMatchObject({
      type: "payment_intent.processing",
      api_version: "2019-05-16",
      account: "acct_123",
    });
    expect(event.livemode).toBe(true);
    expect(event.data.object.metadata).toEqual({ ip: "203.0.113.7" });
  });

  it.each([
    [{ object: "charge", status: "failed" }, "charge.failed"],
    [{ object: "charge" }, "charge.updated"],
    [{ object: "payment_intent", status: "requires_payment_method" }, "payment_intent.created"],
    [
      { object: "payment_intent", status: "requires_payment_method", last_payment_error: {} },
      "payment_intent.payment_failed",
    ],
    [{ object: "payment_intent", status: "requires_capture" }, "payment_intent.amount_capturable_updated"],
    [{ object: "radar.early_fraud_warning" }, "radar.early_fraud_warning.created"],
  ])("infers %o as %s", (object, type) => {
    expect(inferEventType(object)).toBe(type);
  });

  it("refuses to guess the event of an unknown object kind", () => {
    expect(() => asFreshEvent({ object: "plan", id: "price_1" })).toThrow(/overrides.type/);
  });
});
