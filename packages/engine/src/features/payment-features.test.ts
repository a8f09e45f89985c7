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
