import { describe, expect, it } from "vitest";
import { makeTransaction } from "../test-helpers/make-transaction";
import { localHour, paymentFeatures } from "./payment-features";
import { streamFeatures } from "./stream";

describe("local_hour", () => {
  it.each([
    ["2026-01-15T03:10:00Z", "UTC", 3],
    ["2026-01-15T03:10:00Z", "Asia/Tokyo", 12],
    ["2026-01-15T23:40:00Z", "Asia/Kolkata", 5],
    ["2026-01-15T18:29:59Z", "Asia/Kolkata", 23],
    ["2026-01-15T18:30:00Z", "Asia/Kolkata", 0],
    // Summer time: Paris is UTC+2 in July, UTC+1 in January.
    ["2026-07-15T22:00:00Z", "Europe/Paris", 0],
    ["2026-01-15T22:00:00Z", "Europe/Paris", 23],
  ])("%s in %s is hour %i", (at, zone, hour) => {
    expect(localHour(new Date(at), zone)).toBe(hour);
  });

  it("defaults to UTC and is what the streaming evaluator reports", () => {
    const payment = makeTransaction({ createdAt: new Date("2026-03-01T21:05:00Z") });
    expect(paymentFeatures(payment).local_hour).toBe(21);
    const [streamed] = [...streamFeatures([payment], { timeZone: "America/New_York" })];
    expect(streamed?.features.local_hour).toBe(16);
  });
});

describe("features from offline look-ups", () => {
  const lookups = {
    ipCountry: (ip: string) => (ip.startsWith("90.") ? "FR" : null),
    isDisposableEmailDomain: (domain: string) => domain === "yopmail.com",
    isFreeEmailDomain: (domain: string) => domain === "gmail.com" || domain === "yopmail.com",
  };
  const of = (email: string | null, ipAddress: string | null) =>
    paymentFeatures(makeTransaction({ email, ipAddress }), { lookups });

  it("reads the IP's country and the email domain's kind", () => {
    expect(of("Ann@GMAIL.com", "90.84.0.1")).toMatchObject({
      ip_country: "FR",
      is_disposable_email: false,
      is_free_email: true,
    });
    // A disposable domain is not counted as free mail too.
    expect(of("x@yopmail.com", "203.0.113.1")).toMatchObject({
      ip_country: null,
      is_disposable_email: true,
      is_free_email: false,
    });
  });

  it("is null without the signal or without look-ups", () => {
    expect(of(null, null)).toMatchObject({
      ip_country: null,
      is_disposable_email: null,
      is_free_email: null,
    });
    expect(paymentFeatures(makeTransaction({ email: "a@gmail.com", ipAddress: "90.1.1.1" }))).toMatchObject({
      ip_country: null,
      is_disposable_email: null,
    });
  });
});
