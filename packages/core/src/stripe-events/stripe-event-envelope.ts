import { z } from "zod";

/** The part of a Stripe event every handler relies on; the object itself is read by each handler's own schema. */
export const StripeEventEnvelope = z.object({
  id: z.string().startsWith("evt_"),
  type: z.string().min(1),
  account: z.string().nullish(),
  livemode: z.boolean(),
  created: z.number().int(),
  api_version: z.string().nullish(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEventEnvelope = z.infer<typeof StripeEventEnvelope>;
