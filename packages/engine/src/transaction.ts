import { z } from "zod";

/**
 * A normalized, validated view of one charge (one payment attempt): everything the engine reads.
 * Amounts are integer minor units in `currency` (lowercase ISO 4217). Missing signals are `null`,
 * never guessed: the rule language treats them as unknown (three-valued logic).
 */
export const Transaction = z.object({
  chargeId: z.string().min(1),
  paymentIntentId: z.string().nullable(),
  createdAt: z.coerce.date(),
  livemode: z.boolean(),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  /** succeeded = authorized by the network (captured or not); failed = declined or blocked. */
  status: z.enum(["succeeded", "failed", "pending"]),
  captured: z.boolean(),
  failureCode: z.string().nullable(),
  declineCode: z.string().nullable(),
  outcomeType: z.string().nullable(),
  networkStatus: z.string().nullable(),
  radarRiskLevel: z.string().nullable(),
  radarRiskScore: z.number().nullable(),
  cardFingerprint: z.string().nullable(),
  cardBrand: z.string().nullable(),
  cardFunding: z.string().nullable(),
  cardCountry: z.string().nullable(),
  cardIin: z.string().nullable(),
  wallet: z.string().nullable(),
  threeDSecureResult: z.string().nullable(),
  cvcCheck: z.string().nullable(),
  addressLine1Check: z.string().nullable(),
  addressPostalCodeCheck: z.string().nullable(),
  customerId: z.string().nullable(),
  email: z.string().nullable(),
  billingCountry: z.string().nullable(),
  billingAddressKey: z.string().nullable(),
  shippingCountry: z.string().nullable(),
  shippingAddressKey: z.string().nullable(),
  ipAddress: z.string().nullable(),
  deviceId: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
});
export type Transaction = z.infer<typeof Transaction>;

/** The part of an email address after its last `@`, trimmed and lowercased; null without one. */
export function emailDomainOf(email: string | null): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  return at < 0
    ? null
    : email!
        .slice(at + 1)
        .trim()
        .toLowerCase();
}
