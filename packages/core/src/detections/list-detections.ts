import { detections, listDetections } from "@orylo/db";
import { Decision } from "@orylo/engine";
import { z } from "zod";
import type { OrgCtx } from "../context";
import { PageQueryFields, pageWindow, toPage } from "../pagination";

export const ListDetectionsQuery = z
  .object({
    decision: Decision.optional().meta({ description: "Only detections with this decision." }),
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "Created at or after (ISO 8601)." }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "Created before (ISO 8601)." }),
    customer: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "A Stripe customer id (`cus_…`) or customer key." }),
    minAmount: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: "At least this amount, in minor units of the payment's currency." }),
    maxAmount: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: "At most this amount, in minor units of the payment's currency." }),
    mode: z.enum(["live", "test"]).optional().meta({ description: "Stripe live or test mode." }),
    rule: z.string().min(1).optional().meta({ description: "Only detections where this rule id matched." }),
    detector: z.string().min(1).optional().meta({ description: "Only detections where this detector hit." }),
    label: z
      .enum(["fraud", "legitimate", "none"])
      .optional()
      .meta({ description: "An active label of this kind on the payment, or `none`." }),
    ...PageQueryFields,
  })
  .strict();
export type ListDetectionsQuery = z.infer<typeof ListDetectionsQuery>;

/** What every view of a detection starts with: the verdict and where it came from. */
export const DetectionHeader = z.object({
  id: z.string(),
  decision: Decision,
  riskScore: z.number().int(),
  confidence: z.number(),
  livemode: z.boolean(),
  source: z.enum(detections.source.enumValues),
  createdAt: z.iso.datetime(),
});

export const DetectionListItem = DetectionHeader.extend({
  chargeId: z.string().nullable(),
  paymentIntentId: z.string().nullable(),
  amount: z.number().int().nullable().meta({ description: "Minor units of `currency`." }),
  currency: z.string().nullable(),
  customerId: z.string().nullable(),
});
export type DetectionListItem = z.infer<typeof DetectionListItem>;

export const DetectionList = z.object({
  data: z.array(DetectionListItem),
  nextCursor: z.string().nullable(),
});
export type DetectionList = z.infer<typeof DetectionList>;

/** `GET /api/v1/detections`: newest first, filtered, one page at a time. */
export async function listDetectionsPage(ctx: OrgCtx, query: ListDetectionsQuery): Promise<DetectionList> {
  const rows = await listDetections(ctx.db, ctx.organizationId, {
    decision: query.decision,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    customer: query.customer,
    minAmount: query.minAmount,
    maxAmount: query.maxAmount,
    livemode: query.mode === undefined ? undefined : query.mode === "live",
    ruleId: query.rule,
    detector: query.detector,
    label: query.label,
    ...pageWindow(query),
  });
  return toPage(rows, query.limit, (row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
