import { alertSeverity } from "@orylo/db";
import { z } from "zod";

export const RaiseAlertInput = z.object({
  /** What happened, e.g. `webhooks.silence`, `stripe_events.dead`, `webhooks.signature_failures`. */
  kind: z.string().regex(/^[a-z0-9_.]+$/),
  severity: z.enum(alertSeverity.enumValues),
  /** Same key while the incident is open = one alert whose count grows. */
  dedupeKey: z.string().min(1).max(300),
  title: z.string().min(1).max(200),
  /** Plain text; never secrets, full emails or card data (it is emailed). */
  body: z.string().max(10_000),
});
export type RaiseAlertInput = z.infer<typeof RaiseAlertInput>;
