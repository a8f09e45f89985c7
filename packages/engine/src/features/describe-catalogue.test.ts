import { describe, expect, it } from "vitest";
import { DEFAULT_ATTRIBUTES } from "../rules/attributes/registry";
import { FEATURE_NAMES, MERCHANT_FEATURE_NAMES } from "./catalogue";
import { describeCatalogue } from "./describe-catalogue";

describe("describeCatalogue", () => {
  const entries = describeCatalogue();
  const count = (name: string) => entries.filter((entry) => entry.name === name).length;

  it("lists every catalogue feature exactly once, as a feature with a meaning", () => {
    for (const name of [...FEATURE_NAMES, ...MERCHANT_FEATURE_NAMES]) {
      expect(count(name), name).toBe(1);
      const entry = entries.find((candidate) => candidate.name === name)!;
      expect(entry.kind).toBe("feature");
      expect(entry.meaning.trim(), name).not.toBe("");
    }
  });

  it("lists every registry attribute exactly once, with its type and unit", () => {
    for (const attribute of DEFAULT_ATTRIBUTES) {
      expect(count(attribute.name), attribute.name).toBe(1);
      const entry = entries.find((candidate) => candidate.name === attribute.name)!;
      expect(entry.type).toBe(attribute.type);
      expect(entry.unit).toBe(attribute.unit ?? null);
      expect(entry.meaning.trim(), attribute.name).not.toBe("");
    }
    expect(entries).toHaveLength(new Set([...DEFAULT_ATTRIBUTES.map((a) => a.name), ...FEATURE_NAMES]).size);
  });

  it("renders the meaning from outcome, entity and window", () => {
    expect(entries.find((entry) => entry.name === "declined_charges_per_ip_address_hourly")?.meaning).toBe(
      "Declined charges (status failed) with the same IP address in the hour before this payment (t − 1 h, t], this payment excluded; null when this payment has no IP address",
    );
    expect(entries.find((entry) => entry.name === "merchant_decline_rate_10m")?.meaning).toContain(
      "in the 10 minutes before this payment (t − 10 min, t]",
    );
  });

  it("fails loudly for a feature without a documented meaning", () => {
    expect(() => describeCatalogue([], ["brand_new_feature_hourly"])).toThrow(/brand_new_feature_hourly/);
  });

  it("adds catalogue features the registry lacks", () => {
    const [entry] = describeCatalogue([], ["total_charges_per_email_daily"]);
    expect(entry).toMatchObject({ name: "total_charges_per_email_daily", kind: "feature", type: "number" });
  });
});
