import { z } from "zod";

/**
 * The parts of a Stripe charge the normalizer reads, as every API version we meet renders them: fields that
 * old versions lack (`payment_method_details`, `billing_details`, `outcome.risk_score`, `status`) are optional,
 * and unknown fields pass through untouched. Anything we do read is validated, so a malformed payload fails
 * here (a ZodError: the event is poison) instead of storing a half-read transaction.
 */
const text = z.string().nullish();

/** A reference that is an id, or the object itself when the API expanded it. */
export const StripeReference = z.union([z.string(), z.looseObject({ id: z.string() })]);
export type StripeReference = z.infer<typeof StripeReference>;

export function idOf(reference: StripeReference | null | undefined): string | null {
  if (reference == null) return null;
  return typeof reference === "string" ? reference : reference.id;
}

/** Stripe metadata is string → string; an absent or null metadata is the empty map. */
export const StripeMetadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((metadata) => metadata ?? {});

export const StripeAddress = z.looseObject({ line1: text, postal_code: text, country: text });
export type StripeAddress = z.infer<typeof StripeAddress>;

const ChargeOutcome = z.looseObject({
  type: text,
  network_status: text,
  reason: text,
  risk_level: text,
  risk_score: z.number().nullish(),
});

/** `three_d_secure` is `{ result, ... }` today; API versions before 2020-08-27 sent `{ authenticated, succeeded }`. */
const ThreeDSecure = z.looseObject({
  result: text,
  authenticated: z.boolean().nullish(),
  succeeded: z.boolean().nullish(),
});

export const PaymentMethodCard = z.looseObject({
  brand: text,
  fingerprint: text,
  funding: text,
  country: text,
  iin: text,
  wallet: z.looseObject({ type: text }).nullish(),
  three_d_secure: ThreeDSecure.nullish(),
  checks: z
    .looseObject({ cvc_check: text, address_line1_check: text, address_postal_code_check: text })
    .nullish(),
});
export type PaymentMethodCard = z.infer<typeof PaymentMethodCard>;

export const ChargePayload = z.looseObject({
  id: z.string().min(1),
  object: z.literal("charge"),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  created: z.number().int(),
  livemode: z.boolean(),
  /** Absent on charges rendered before statuses existed; `paid` and `failure_code` tell then. */
  status: z.enum(["succeeded", "failed", "pending"]).nullish(),
  paid: z.boolean().nullish(),
  captured: z.boolean().nullish(),
  failure_code: text,
  outcome: ChargeOutcome.nullish(),
  payment_intent: StripeReference.nullish(),
  customer: StripeReference.nullish(),
  metadata: StripeMetadata,
  receipt_email: text,
  billing_details: z.looseObject({ email: text, address: StripeAddress.nullish() }).nullish(),
  shipping: z.looseObject({ address: StripeAddress.nullish() }).nullish(),
  payment_method_details: z.looseObject({ type: text, card: PaymentMethodCard.nullish() }).nullish(),
  /** Legacy charges carry the card here (a Card object) instead of in `payment_method_details`. */
  source: z.unknown().optional(),
});
export type ChargePayload = z.infer<typeof ChargePayload>;
