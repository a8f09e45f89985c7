import { loadOpenapiExample } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { addressKey } from "./address-key";
import { normalizeCharge } from "./normalize-charge";

describe("normalizeCharge field rules", () => {
  const openapiCharge = () => loadOpenapiExample("charge");
  const card = (charge: Record<string, unknown>) =>
    (charge.payment_method_details as { card: Record<string, unknown> }).card;

  it("reads the openapi example: Link wallet, CVC pass, an empty shipping object", () => {
    const transaction = normalizeCharge(openapiCharge());
    expect(transaction).toMatchObject({
      amount: 100,
      status: "succeeded",
      captured: false,
      wallet: "link",
      threeDSecureResult: null,
      cvcCheck: "pass",
      cardFingerprint: "AOB934RVNwzk6xtn",
      shippingCountry: null,
      shippingAddressKey: null,
      radarRiskLevel: null,
    });
  });

  it.each([
    [{ result: "authenticated", version: "2.2.0" }, "authenticated"],
    [{ result: "attempt_acknowledged" }, "attempt_acknowledged"],
    [{ authenticated: true, succeeded: true, version: "1.0.2" }, "authenticated"],
    [{ authenticated: false, succeeded: true }, "attempt_acknowledged"],
    [{ authenticated: true, succeeded: false }, "failed"],
  ])("3D Secure %o → %s", (threeDSecure, result) => {
    const charge = openapiCharge();
    card(charge).three_d_secure = threeDSecure;
    expect(normalizeCharge(charge).threeDSecureResult).toBe(result);
  });

  it("reads the IIN and checks when present", () => {
    const charge = openapiCharge();
    Object.assign(card(charge), {
      iin: "424242",
      checks: { cvc_check: "fail", address_line1_check: "unavailable", address_postal_code_check: "pass" },
    });
    expect(normalizeCharge(charge)).toMatchObject({
      cardIin: "424242",
      cvcCheck: "fail",
      addressLine1Check: "unavailable",
      addressPostalCodeCheck: "pass",
    });
  });

  it("takes the email from billing details, then the receipt email, then the known customer", () => {
    const charge = openapiCharge();
    const withReceipt = { ...charge, receipt_email: " Shopper@Example.COM " };
    expect(normalizeCharge(withReceipt, { customerEmail: "c@x.io" }).email).toBe("shopper@example.com");
    const billing = { ...(charge.billing_details as object), email: "billing@x.io" };
    expect(normalizeCharge({ ...withReceipt, billing_details: billing }).email).toBe("billing@x.io");
    expect(normalizeCharge(charge, { customerEmail: "C@x.io" }).email).toBe("c@x.io");
    expect(normalizeCharge(charge).email).toBeNull();
  });

  it("keys billing and shipping addresses, with their countries", () => {
    const address = { line1: "1 Rue de Rivoli", postal_code: "75001", country: "FR" };
    const charge = {
      ...openapiCharge(),
      billing_details: { email: null, address },
      shipping: { address: { ...address, line1: "  1 rue DE  rivoli " } },
    };
    const transaction = normalizeCharge(charge);
    expect(transaction).toMatchObject({ billingCountry: "FR", shippingCountry: "FR" });
    expect(transaction.billingAddressKey).toBe(addressKey(address));
    expect(transaction.shippingAddressKey).toBe(transaction.billingAddressKey);
  });

  it("reads a legacy source card: brand code, checks and billing address", () => {
    const { payment_method_details: _pmd, billing_details: _billing, ...legacy } = openapiCharge();
    const source = {
      object: "card",
      brand: "American Express",
      funding: "credit",
      country: "US",
      cvc_check: "fail",
      address_zip_check: "pass",
      address_line1: "1 Main St",
      address_zip: "10001",
      address_country: "US",
    };
    expect(normalizeCharge({ ...legacy, source })).toMatchObject({
      cardBrand: "amex",
      cvcCheck: "fail",
      addressPostalCodeCheck: "pass",
      billingCountry: "US",
      billingAddressKey: addressKey({ line1: "1 Main St", postal_code: "10001", country: "US" }),
    });
  });

  it("rejects a payload it cannot read instead of storing half of it", () => {
    expect(() => normalizeCharge({ ...openapiCharge(), amount: -1 })).toThrow(ZodError);
    expect(() => normalizeCharge({ ...openapiCharge(), id: undefined })).toThrow(ZodError);
    expect(() => normalizeCharge(loadOpenapiExample("payment_intent"))).toThrow(ZodError);
  });
});
