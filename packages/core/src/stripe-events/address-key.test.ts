import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";

const base = { line1: "510 Townsend St", postal_code: "94103", country: "US" };

describe("addressKey", () => {
  it("is a sha256 hex digest", () => {
    expect(addressKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["case", { line1: "510 TOWNSEND st", postal_code: "94103", country: "us" }],
    [
      "surrounding and inner whitespace",
      { line1: "  510  Townsend\tSt ", postal_code: " 94103 ", country: " US" },
    ],
    ["spaces inside the postal code", { ...base, postal_code: "94 103" }],
    ["fields it does not read", { ...base, city: "San Francisco", line2: "Floor 2", state: "CA" }],
  ])("is stable under %s", (_case, variant) => {
    expect(addressKey(variant)).toBe(addressKey(base));
  });

  it.each([
    ["line1", { ...base, line1: "512 Townsend St" }],
    ["postal code", { ...base, postal_code: "94107" }],
    ["country", { ...base, country: "CA" }],
  ])("changes with the %s", (_field, variant) => {
    expect(addressKey(variant)).not.toBe(addressKey(base));
  });

  it("does not let parts run into each other", () => {
    expect(addressKey({ line1: "1 a", postal_code: "b" })).not.toBe(
      addressKey({ line1: "1", postal_code: "ab" }),
    );
  });

  it("keys an address that has only a line1 or only a postal code", () => {
    expect(addressKey({ line1: "510 Townsend St" })).toMatch(/^[0-9a-f]{64}$/);
    expect(addressKey({ postal_code: "94103", country: "US" })).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["no address", null],
    ["an empty address", {}],
    ["a country alone", { line1: null, postal_code: null, country: "US" }],
    ["blank parts", { line1: "  ", postal_code: "", country: "US" }],
  ])("is null for %s", (_case, address) => {
    expect(addressKey(address)).toBeNull();
  });
});
