import { emailDomainOf, type Transaction } from "../../transaction";
import type { AttributeDefinition, AttributeType } from "./attribute";

const field = (
  name: string,
  type: AttributeType,
  transactionField: keyof Transaction,
  description: string,
  options: Pick<AttributeDefinition, "caseSensitive" | "unit"> = {},
): AttributeDefinition => ({
  name,
  type,
  description,
  source: { kind: "transaction", field: transactionField },
  ...options,
});

/** Read straight from the Transaction, under Radar's names where the meaning is the same. */
export const TRANSACTION_ATTRIBUTES: readonly AttributeDefinition[] = [
  field("risk_level", "string", "radarRiskLevel", "Stripe Radar's risk level: normal, elevated, highest"),
  field("risk_score", "number", "radarRiskScore", "Stripe Radar's risk score", { unit: "score 0-100" }),
  field("card_brand", "string", "cardBrand", "Card brand as Stripe reports it (visa, mastercard, amex, ...)"),
  field("card_funding", "string", "cardFunding", "credit, debit, prepaid or unknown"),
  field("card_country", "string", "cardCountry", "Two-letter country where the card was issued"),
  field("card_fingerprint", "string", "cardFingerprint", "Stripe's fingerprint of the card number", {
    caseSensitive: true,
  }),
  field("card_bin", "string", "cardIin", "The card's issuer identification number (IIN/BIN)"),
  field("cvc_check", "string", "cvcCheck", "pass, fail, unavailable or unchecked"),
  field("address_line1_check", "string", "addressLine1Check", "pass, fail, unavailable or unchecked"),
  field("address_zip_check", "string", "addressPostalCodeCheck", "pass, fail, unavailable or unchecked"),
  field("email", "string", "email", "The customer's email address"),
  field("ip_address", "string", "ipAddress", "The IP address the payment came from"),
  field("billing_address_country", "string", "billingCountry", "Two-letter country of the billing address"),
  field(
    "shipping_address_country",
    "string",
    "shippingCountry",
    "Two-letter country of the shipping address",
  ),
  field("customer", "string", "customerId", "The Stripe customer id", { caseSensitive: true }),
  field("device_id", "string", "deviceId", "The device identifier sent with the payment", {
    caseSensitive: true,
  }),
  field("digital_wallet", "string", "wallet", "apple_pay, google_pay, link, ... (missing without a wallet)"),
  field("wallet", "string", "wallet", "Same as :digital_wallet:"),
  field("currency", "string", "currency", "Three-letter currency of the payment (lowercase, as Stripe)"),
  {
    name: "email_domain",
    type: "string",
    description: "The part of the email address after the @",
    source: {
      kind: "derived",
      derive: ({ transaction }) => emailDomainOf(transaction.email),
    },
  },
  // Without 3DS data Stripe sends no three_d_secure object: that is "not used", not "unknown".
  {
    name: "is_3d_secure",
    type: "boolean",
    description: "The payment went through 3D Secure (whatever its result)",
    source: { kind: "derived", derive: ({ transaction }) => transaction.threeDSecureResult !== null },
  },
  {
    name: "is_3d_secure_authenticated",
    type: "boolean",
    description: "3D Secure completed with authentication (risk-based or challenge)",
    source: {
      kind: "derived",
      derive: ({ transaction }) => transaction.threeDSecureResult === "authenticated",
    },
  },
];
