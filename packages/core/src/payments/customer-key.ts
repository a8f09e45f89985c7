import { createHash } from "node:crypto";

/**
 * A customer is its Stripe customer id, else a hash of its email (guest checkouts): the same shopper paying
 * twice as a guest is one customer, and the key holds no readable email.
 */
export function customerKeyOf(stripeCustomerId: string | null, email: string | null): string | null {
  if (stripeCustomerId) return stripeCustomerId;
  if (!email) return null;
  return `email_${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
}
