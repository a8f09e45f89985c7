import { RATE_CURRENCIES } from "@orylo/engine";
import { z } from "zod";

const Threshold = z.number().int().min(1).max(100);

const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return /^[A-Za-z]/.test(zone);
    } catch {
      return false;
    }
  }, "An IANA time zone such as `Europe/Paris` or `UTC`.")
  .meta({ description: "IANA time zone: `:local_hour:` and daily reports use it.", example: "Europe/Paris" });

const ReportingCurrency = z
  .string()
  .transform((code) => code.toLowerCase())
  .pipe(z.enum(RATE_CURRENCIES as [string, ...string[]], "A currency of the rate table (`eur`, `usd`, …)."))
  .meta({ description: "ISO 4217 code reports convert amounts into (stored lowercase).", example: "eur" });

const Locale = z
  .string()
  .max(35)
  .transform((locale, context) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(locale);
      if (canonical) return canonical;
    } catch {}
    context.addIssue({ code: "custom", message: "A BCP 47 locale such as `fr-FR` or `en`." });
    return z.NEVER;
  })
  .meta({ description: "BCP 47 locale; explanations are written in French for `fr*`, else English." });

const ActionSwitches = z.object({
  cancelOnBlock: z
    .boolean()
    .meta({ description: "Cancel the PaymentIntent of a blocked, uncaptured payment." }),
  refundOnBlock: z.boolean().meta({ description: "Refund a blocked payment that was captured." }),
  closeReviews: z
    .boolean()
    .meta({ description: "Close the Stripe review when a review is closed in Orylo." }),
  refundEarlyFraudWarnings: z.boolean().meta({
    description: "Refund a payment with an early fraud warning when that is cheaper than a dispute.",
  }),
  mirrorRadarLists: z.boolean().meta({
    description: "Mirror allow and block lists into Radar value lists `orylo_<list name>`.",
  }),
  disputeFee: z.number().int().min(0).max(1_000_000).meta({
    description: "What a dispute costs, in minor units of disputeFeeCurrency.",
  }),
  disputeFeeCurrency: z
    .string()
    .transform((code) => code.toLowerCase())
    .pipe(
      z.enum(RATE_CURRENCIES as [string, ...string[]], "A currency of the rate table (`eur`, `usd`, …)."),
    ),
});

const MonthlyBudgetUsd = z.number().min(0).max(100_000);
const RetentionDays = z.number().int().min(30).max(3650);

/** An organization's settings as API v1 shows them. */
export const SettingsView = z
  .object({
    blockThreshold: Threshold.meta({ description: "A risk score at or above it is BLOCK (default 80)." }),
    reviewThreshold: Threshold.meta({
      description: "A risk score at or above it (and below blockThreshold) is REVIEW (default 20).",
    }),
    timeZone: z.string(),
    reportingCurrency: z.string(),
    locale: z.string(),
    scoreTestMode: z.boolean().meta({
      description:
        "Score payments from Stripe's test mode (default true); false marks their events `ignored`.",
    }),
    actions: ActionSwitches.meta({
      description: "Automatic actions on Stripe, all off by default (observe-only).",
    }),
    aiMonthlyBudgetUsd: MonthlyBudgetUsd.meta({
      description: "LLM spend per calendar month (UTC); templates only once it is spent.",
    }),
    retentionDays: RetentionDays.meta({
      description:
        "Days raw Stripe payloads and customers' personal data are kept (default 90); payments stay, pseudonymized.",
    }),
  })
  .meta({ id: "Settings" });
export type SettingsView = z.infer<typeof SettingsView>;

/** A partial change; the result must still have reviewThreshold ≤ blockThreshold. */
export const UpdateSettingsInput = z
  .object({
    blockThreshold: Threshold,
    reviewThreshold: Threshold,
    timeZone: TimeZone,
    reportingCurrency: ReportingCurrency,
    locale: Locale,
    scoreTestMode: z.boolean(),
    actions: ActionSwitches.partial().strict(),
    aiMonthlyBudgetUsd: MonthlyBudgetUsd,
    retentionDays: RetentionDays,
  })
  .partial()
  .strict()
  .meta({ id: "UpdateSettingsInput" });
export type UpdateSettingsInput = z.input<typeof UpdateSettingsInput>;
