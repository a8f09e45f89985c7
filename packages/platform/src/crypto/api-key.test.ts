import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, generateApiKey, hashApiKey, randomString } from "./api-key";
import { generateId } from "./generate-id";

describe("generateApiKey / hashApiKey", () => {
  it("makes ork_ + 32 base62 characters, all different", () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(API_KEY_PATTERN);
  });

  it("hashes with sha256 hex", () => {
    expect(hashApiKey("ork_test")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("draws every character of the alphabet", () => {
    expect(new Set(randomString(5000)).size).toBe(62);
  });
});

describe("generateId", () => {
  it("prefixes and sorts by time", () => {
    const early = generateId("det", Date.UTC(2026, 0, 1));
    const late = generateId("det", Date.UTC(2026, 0, 1, 0, 0, 0, 1));
    expect(early).toMatch(/^det_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(early < late).toBe(true);
    expect([late, early].sort()).toEqual([early, late]);
    expect(generateId("det")).not.toBe(generateId("det"));
  });

  it("rejects a bad prefix", () => {
    expect(() => generateId("Det_")).toThrow();
  });
});
