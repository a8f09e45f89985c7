import { EngineSettings } from "@orylo/engine";
import { z } from "zod";

/**
 * Automatic actions on Stripe (SPEC §C), each off by default: a new organization only observes until it
 * switches them on. The demo organization starts with them on, as dry runs.
 */
export const ActionSettings = z.object({
  /** Cancel the PaymentIntent of a blocked payment that is not confirmed or not captured. */
  cancelOnBlock: z.boolean().default(false),
  /** Refund a blocked payment that was captured (reason `fraudulent`). */
  refundOnBlock: z.boolean().default(false),
  /** Approve the Stripe review, or refund, when a review is closed in Orylo. */
  closeReviews: z.boolean().default(false),
  /** Refund a payment that receives an early fraud warning when it is cheaper than a dispute or its risk is high. */
  refundEarlyFraudWarnings: z.boolean().default(false),
  /** What a dispute costs the merchant, in minor units of `disputeFeeCurrency` (Stripe: 15 USD / 20 EUR). */
  disputeFee: z.number().int().min(0).default(2000),
  disputeFeeCurrency: z.string().length(3).default("eur"),
});
export type ActionSettings = z.infer<typeof ActionSettings>;

/**
 * An organization's settings, stored as JSON on `organization.settings` and parsed here with defaults,
 * so a setting added later is present (with its default) for every existing organization.
 */
export const OrganizationSettings = z.object({
  engine: EngineSettings.default(EngineSettings.parse({})),
  /** Score events from Stripe's test mode (default on); off makes them `ignored`. */
  scoreTestMode: z.boolean().default(true),
  actions: ActionSettings.default(ActionSettings.parse({})),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

export function parseOrganizationSettings(raw: unknown): OrganizationSettings {
  return OrganizationSettings.parse(raw ?? {});
}
