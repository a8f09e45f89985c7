import { describe, expect, it } from "vitest";
import { OFFLINE_LOOKUPS } from "./offline-lookups";

describe("offline look-ups", () => {
  it.each([
    ["8.8.8.8", "US"],
    ["81.2.69.142", "GB"],
    ["90.84.0.1", "FR"],
    ["10.0.0.1", null],
    ["2001:4860:4860::8888", null],
    ["not an ip", null],
  ])("ipCountry(%s) = %s", (ip, country) => {
    expect(OFFLINE_LOOKUPS.ipCountry(ip)).toBe(country);
  });

  it("tells disposable and free-mail domains apart", () => {
    expect(OFFLINE_LOOKUPS.isDisposableEmailDomain("mailinator.com")).toBe(true);
    expect(OFFLINE_LOOKUPS.isDisposableEmailDomain("gmail.com")).toBe(false);
    expect(OFFLINE_LOOKUPS.isFreeEmailDomain("gmail.com")).toBe(true);
    expect(OFFLINE_LOOKUPS.isFreeEmailDomain("orange.fr")).toBe(true);
    expect(OFFLINE_LOOKUPS.isFreeEmailDomain("stripe.com")).toBe(false);
  });
});
