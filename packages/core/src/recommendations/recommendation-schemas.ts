import { RECOMMENDATION_PATTERNS } from "@orylo/ai";
import type { RecommendationRow } from "@orylo/db";
import { RuleAction } from "@orylo/engine";
import { z } from "zod";
import { PageQueryFields } from "../pagination";
import { RuleMode } from "../rules/rule-schemas";

const Amounts = z.record(z.string(), z.number().int()).meta({ description: "Minor units by currency." });

/** The candidate's own line of its 90-day backtest, as stored when it was proposed. */
export const RecommendationBacktest = z.object({
  from: z.string(),
  to: z.string(),
  payments: z.number().int(),
  hits: z.number().int(),
  fraud: z.number().int(),
  legitimate: z.number().int(),
  tooYoung: z.number().int(),
  fraudAmounts: Amounts,
  legitimateAmounts: Amounts,
  reportingCurrency: z.string(),
  fraudStopped: z.number().meta({ description: "Fraud it hit, major units of the reporting currency." }),
  legitimateHit: z
    .number()
    .meta({ description: "Legitimate revenue it hit, same units: never above `fraudStopped`." }),
});
export type RecommendationBacktest = z.infer<typeof RecommendationBacktest>;

export const RecommendationStatus = z.enum(["pending", "applied", "rejected"]);

export const RecommendationView = z
  .object({
    id: z.string(),
    text: z.string().meta({ description: "The rule, in the rule language (canonical form)." }),
    action: RuleAction,
    pattern: z.enum(RECOMMENDATION_PATTERNS),
    evidence: z
      .record(z.string(), z.unknown())
      .meta({ description: "The pattern's figures: no card, email or IP." }),
    rationale: z.string(),
    rationaleSource: z.enum(["llm", "template"]),
    language: z.enum(["fr", "en"]),
    backtest: RecommendationBacktest,
    status: RecommendationStatus,
    ruleId: z.string().nullable().meta({ description: "The rule created when it was applied." }),
    appliedMode: RuleMode.nullable(),
    rejectReason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "RuleRecommendation" });
export type RecommendationView = z.infer<typeof RecommendationView>;

export const RecommendationEffectiveness = z
  .object({
    since: z.iso.datetime(),
    hits: z.number().int().meta({ description: "Payments the applied rule matched (shadow included)." }),
    fraudCaught: z.number().int().meta({ description: "Of those, payments labelled fraud." }),
    legitimateHit: z
      .number()
      .int()
      .meta({ description: "Of those, payments the merchant marked legitimate." }),
  })
  .meta({ id: "RecommendationEffectiveness" });

export const RecommendationDetail = RecommendationView.extend({
  effectiveness: RecommendationEffectiveness.nullable().meta({
    description: "Since it was applied; null before.",
  }),
}).meta({ id: "RuleRecommendationDetail" });
export type RecommendationDetail = z.infer<typeof RecommendationDetail>;

export const RecommendationList = z
  .object({ data: z.array(RecommendationView), nextCursor: z.string().nullable() })
  .meta({ id: "RuleRecommendationList" });
export type RecommendationList = z.infer<typeof RecommendationList>;

export const ListRecommendationsQuery = z
  .object({ status: RecommendationStatus.optional(), ...PageQueryFields })
  .strict();
export type ListRecommendationsQuery = z.input<typeof ListRecommendationsQuery>;

export const ApplyRecommendationInput = z
  .object({
    mode: RuleMode.default("shadow").meta({
      description: "`shadow` (default): recorded on every payment, never enforced, until you switch it on.",
    }),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    text: z.string().min(1).max(4000).optional().meta({
      description:
        "Your edited version of the rule, saved instead (recorded as an edit in the AI feedback ledger).",
    }),
  })
  .strict();
export type ApplyRecommendationInput = z.input<typeof ApplyRecommendationInput>;

export const RejectRecommendationInput = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export type RejectRecommendationInput = z.infer<typeof RejectRecommendationInput>;

export function toRecommendationView(row: RecommendationRow): RecommendationView {
  return {
    id: row.id,
    text: row.text,
    action: row.action,
    pattern: z.enum(RECOMMENDATION_PATTERNS).parse(row.pattern),
    evidence: row.evidence,
    rationale: row.rationale,
    rationaleSource: row.rationaleSource === "llm" ? "llm" : "template",
    language: row.language === "fr" ? "fr" : "en",
    backtest: RecommendationBacktest.parse(row.backtest),
    status: row.status,
    ruleId: row.ruleId,
    appliedMode: row.appliedMode,
    rejectReason: row.rejectReason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
