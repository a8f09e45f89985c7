import { loadOpenapiExample } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { normalizeCharge } from "./normalize-charge";
import { mergeMetadata, readSignalMetadata } from "./signal-metadata";

describe("signal metadata", () => {
  it.each([
    ["ip", { ip: "203.0.113.1" }, {}, "203.0.113.1"],
    ["ip_address", { ip_address: "203.0.113.2" }, {}, "203.0.113.2"],
    ["customer_ip", { customer_ip: "203.0.113.3" }, {}, "203.0.113.3"],
    ["client_ip", { client_ip: "203.0.113.4" }, {}, "203.0.113.4"],
    ["key order within one source", { client_ip: "203.0.113.4", ip: "203.0.113.1" }, {}, "203.0.113.1"],
    ["the PaymentIntent's when the charge has none", {}, { ip_address: "198.51.100.1" }, "198.51.100.1"],
    [
      "the charge's over the PaymentIntent's",
      { client_ip: "203.0.113.4" },
      { ip: "198.51.100.1" },
      "203.0.113.4",
    ],
    ["a blank value counts as absent", { ip: "  " }, { ip: "198.51.100.1" }, "198.51.100.1"],
    ["none", { order: "A" }, {}, null],
  ])("IP: %s", (_case, charge: Record<string, string>, intent: Record<string, string>, ip) => {
    expect(readSignalMetadata(charge, intent).ipAddress).toBe(ip);
  });

  it("reads device and user agent from either source", () => {
    expect(readSignalMetadata({ user_agent: "UA/1" }, { device_id: "dev_9", user_agent: "UA/0" })).toEqual({
      ipAddress: null,
      deviceId: "dev_9",
      userAgent: "UA/1",
    });
  });

  it("merges metadata with the charge's value winning per key", () => {
    expect(mergeMetadata({ order: "A", ip: "1" }, { order: "B", cart: "c" })).toEqual({
      order: "A",
      ip: "1",
      cart: "c",
    });
  });

  it("a normalized charge stores the merged metadata and the signals", () => {
    const charge = { ...loadOpenapiExample("charge"), metadata: { order: "A", ip: "203.0.113.9" } };
    const transaction = normalizeCharge(charge, {
      paymentIntentMetadata: {
        order: "B",
        ip: "198.51.100.1",
        device_id: "dev_2",
        user_agent: "Mozilla/5.0",
      },
    });
    expect(transaction).toMatchObject({
      ipAddress: "203.0.113.9",
      deviceId: "dev_2",
      userAgent: "Mozilla/5.0",
      metadata: { order: "A", ip: "203.0.113.9", device_id: "dev_2", user_agent: "Mozilla/5.0" },
    });
  });
});
