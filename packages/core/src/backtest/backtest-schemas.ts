import { Decision, RuleAction } from "@orylo/engine";
import { z } from "zod";

const RuleText = z
  .string()
  .min(1)
  .max(4000)
  .meta({ description: "Rule language, Radar syntax: `Block if :card_count_for_ip_address_hourly: >= 5`." });

export const BacktestInput = z
  .object({
    rules: z
      .array(RuleText)
      .min(1)
      .max(50)
      .optional()
      .meta({ description: "Rule texts to try, as one rule set. Give `rules` or `ruleIds`." }),
    ruleIds: z
      .array(z.string().min(1))
      .min(1)
      .max(50)
      .optional()
      .meta({ description: "Saved rules to try (as if enforced), as one rule set." }),
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "First payment counted (ISO 8601); default: 90 days before `to`." }),
    to: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "Last payment counted (ISO 8601); default: now." }),
  })
  .strict()
  .refine((input) => (input.rules === undefined) !== (input.ruleIds === undefined), {
    message: "Give exactly one of `rules` (rule texts) or `ruleIds` (saved rules).",
  });
export type BacktestInput = z.infer<typeof BacktestInput>;

const Amounts = z
  .record(z.string(), z.number().int())
  .meta({ description: 'Minor units by lowercase currency: `{ "eur": 125000 }`.' });
const Totals = z.object({ count: z.number().int(), amounts: Amounts });
const Verdict = z.enum(["fraud", "legitimate", "too_young"]);
const Example = z.object({
  chargeId: z.string(),
  createdAt: z.string(),
  decision: Decision,
  amount: z.number().int(),
  currency: z.string(),
  verdict: Verdict,
  why: z.string().meta({ description: "The deciding rule, else the score and the detectors that hit." }),
});
const Accuracy = z.object({
  fraud: z.number().int(),
  legitimate: z.number().int(),
  fraudBlocked: z.number().int(),
  fraudReviewed: z.number().int(),
  fraudAmounts: Amounts,
  fraudCaughtAmounts: Amounts,
  legitimateBlocked: z.number().int(),
  legitimateReviewed: z.number().int(),
  legitimateHitAmounts: Amounts,
  precision: z
    .number()
    .nullable()
    .meta({ description: "Fraud flagged / judged payments flagged; null: none." }),
  recall: z.number().nullable().meta({ description: "Fraud flagged / fraud; null: no fraud label." }),
  excludedTooYoung: z
    .number()
    .int()
    .meta({ description: "Unlabelled payments younger than 120 days: left out of accuracy." }),
});
const RuleSetReport = z.object({
  decisions: z.object({ ALLOW: Totals, REVIEW: Totals, BLOCK: Totals }),
  accuracy: Accuracy,
});

const ReportingTotal = z.object({
  amount: z.number().meta({ description: "Major units of the reporting currency." }),
  unconverted: z.array(z.string()).meta({ description: "Currencies without a reference rate, left out." }),
});

export const BacktestResult = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  payments: z.number().int(),
  warmupPayments: z.number().int(),
  candidate: RuleSetReport,
  baseline: RuleSetReport.extend({ changedDecisions: z.number().int() })
    .nullable()
    .meta({ description: "The organization's live rule set over the same payments." }),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      text: z.string(),
      action: RuleAction,
      hits: z.number().int(),
      amounts: Amounts,
      fraud: z.number().int(),
      legitimate: z.number().int(),
      tooYoung: z.number().int(),
      fraudAmounts: Amounts,
      legitimateAmounts: Amounts,
      examples: z.array(Example),
    }),
  ),
  examples: z.object({
    blocked: z.array(Example),
    reviewed: z.array(Example),
    fraudCaught: z.array(Example),
    fraudMissed: z.array(Example),
    legitimateHit: z.array(Example),
  }),
  inReportingCurrency: z
    .object({
      currency: z.string(),
      ratesAsOf: z.string(),
      blocked: ReportingTotal,
      reviewed: ReportingTotal,
      fraudCaught: ReportingTotal,
      legitimateHit: ReportingTotal,
    })
    .meta({
      description:
        "The candidate's amounts summed in the organization's reporting currency (settings), with the committed rate table.",
    }),
  caveats: z.array(z.string()),
});
export type BacktestResult = z.infer<typeof BacktestResult>;
