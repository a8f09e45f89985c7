import type { OrganizationRow } from "@orylo/db";
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
  /** Mirror the items of allow and block lists into Radar value lists (`orylo_<list name>`). */
  mirrorRadarLists: z.boolean().default(false),
  /** What a dispute costs the merchant, in minor units of `disputeFeeCurrency` (Stripe: 15 USD / 20 EUR). */
  disputeFee: z.number().int().min(0).default(2000),
  disputeFeeCurrency: z.string().length(3).default("eur"),
});
export type ActionSettings = z.infer<typeof ActionSettings>;

/**
 * The settings stored as JSON on `organization.settings`, parsed with defaults, so a setting added later is
 * present (with its default) for every existing organization.
 */
export const StoredSettings = z.object({
  engine: EngineSettings.default(EngineSettings.parse({})),
  /** Score events from Stripe's test mode (default on); off makes them `ignored`. */
  scoreTestMode: z.boolean().default(true),
  actions: ActionSettings.default(ActionSettings.parse({})),
  ai: z
    .object({
      /** LLM spend per calendar month (UTC); an alert at 75 %, templates only once it is spent. */
      monthlyBudgetUsd: z.number().min(0).default(20),
    })
    .default({ monthlyBudgetUsd: 20 }),
  privacy: z
    .object({
      /**
       * Days raw Stripe payloads and customers' personal data are kept (`data.retention`); payments and
       * labels stay, pseudonymized, so disputes still match them.
       */
      retentionDays: z.number().int().min(30).max(3650).default(90),
    })
    .default({ retentionDays: 90 }),
});

export type StoredSettings = z.infer<typeof StoredSettings>;

/** Everything that shapes an organization's decisions and reports: the JSON settings and their own columns. */
export type OrganizationSettings = StoredSettings & {
  /** IANA zone: `local_hour` and daily reports. */
  timeZone: string;
  /** Lowercase ISO 4217 code reports convert into. */
  reportingCurrency: string;
  /** BCP 47 locale: the language of explanations. */
  locale: string;
};

export type SettingsSource = Pick<OrganizationRow, "settings" | "timeZone" | "reportingCurrency" | "locale">;

export function parseOrganizationSettings(organization: SettingsSource): OrganizationSettings {
  return {
    ...StoredSettings.parse(organization.settings ?? {}),
    timeZone: organization.timeZone,
    reportingCurrency: organization.reportingCurrency,
    locale: organization.locale,
  };
}
