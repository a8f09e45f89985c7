import { describe, expect, it } from "vitest";
import { makeTransaction } from "../test-helpers/make-transaction";
import { type ActionList, foldListValue, listCandidates, matchActionLists } from "./action-lists";

const list = (name: string, action: ActionList["action"], kind: string, values: string[]): ActionList => ({
  name,
  action,
  kind,
  values: new Set(values.map((value) => foldListValue(kind, value))),
});

const payment = makeTransaction({
  email: "Shopper@Example.COM",
  cardFingerprint: "fpAbC",
  cardIin: "424242",
  customerId: "cus_1",
  ipAddress: "203.0.113.9",
  deviceId: "dev_9",
  cardCountry: "fr",
  billingCountry: "DE",
  shippingCountry: null,
});

describe("foldListValue", () => {
  it.each([
    ["email", " Shopper@Example.COM ", "shopper@example.com"],
    ["email_domain", "@Example.com", "example.com"],
    ["country", "fr", "FR"],
    ["card_fingerprint", "fpAbC", "fpAbC"],
  ])("%s %j → %j", (kind, raw, folded) => {
    expect(foldListValue(kind, raw)).toBe(folded);
  });
});

describe("listCandidates", () => {
  it("lists every value the payment can be listed by, folded, once", () => {
    expect(listCandidates(payment)).toEqual([
      { kind: "email", value: "shopper@example.com" },
      { kind: "email_domain", value: "example.com" },
      { kind: "card_fingerprint", value: "fpAbC" },
      { kind: "card_bin", value: "424242" },
      { kind: "customer", value: "cus_1" },
      { kind: "ip_address", value: "203.0.113.9" },
      { kind: "device_id", value: "dev_9" },
      { kind: "country", value: "FR" },
      { kind: "country", value: "DE" },
    ]);
  });
});

describe("matchActionLists", () => {
  it("matches by kind and folded value, allow hits first", () => {
    const hits = matchActionLists(payment, [
      list("blocked_cards", "block", "card_fingerprint", ["fpAbC"]),
      list("vip", "allow", "email", ["SHOPPER@example.com"]),
      list("risky_countries", "block", "country", ["DE"]),
      // A fingerprint is exact: another case is another card.
      list("other_cards", "block", "card_fingerprint", ["FPABC"]),
      // The same value under another kind does not match.
      list("ips", "block", "device_id", ["203.0.113.9"]),
    ]);
    expect(hits).toEqual([
      { list: "vip", action: "allow", kind: "email", value: "shopper@example.com" },
      { list: "blocked_cards", action: "block", kind: "card_fingerprint", value: "fpAbC" },
      { list: "risky_countries", action: "block", kind: "country", value: "DE" },
    ]);
  });

  it("finds nothing for a payment without the listed signals", () => {
    const bare = makeTransaction({ email: null, cardFingerprint: null, ipAddress: null, deviceId: null });
    expect(matchActionLists(bare, [list("blocked_emails", "block", "email", ["a@b.co"])])).toEqual([]);
  });
});
