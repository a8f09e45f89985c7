import { z } from "zod";
import { StripeMetadata, StripeReference } from "./charge-payload";

/**
 * The parts of a PaymentIntent Orylo keeps for its pending record, plus where its charges may be: embedded in
 * `charges.data[]` (API versions before 2022-11-15) or in `latest_charge` (an id, or the charge when expanded).
 * Charges stay unparsed here: `normalizeCharge` validates each one it scores.
 */
export const PaymentIntentPayload = z.looseObject({
  id: z.string().min(1),
  object: z.literal("payment_intent"),
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  status: z.string().min(1),
  customer: StripeReference.nullish(),
  metadata: StripeMetadata,
  charges: z.looseObject({ data: z.array(z.record(z.string(), z.unknown())) }).nullish(),
  latest_charge: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
});
export type PaymentIntentPayload = z.infer<typeof PaymentIntentPayload>;
