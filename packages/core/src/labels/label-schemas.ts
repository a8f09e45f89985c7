import type { LabelRow } from "@orylo/db";
import { labelKind, labelSource } from "@orylo/db";
import { z } from "zod";

export const LabelTransactionInput = z
  .object({
    kind: z.enum(["fraud", "legitimate"]).meta({
      description:
        "`legitimate` also clears the payment's active fraud labels (a dispute the merchant knows is wrong).",
    }),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type LabelTransactionInput = z.infer<typeof LabelTransactionInput>;

export const LabelView = z.object({
  id: z.string(),
  kind: z.enum(labelKind.enumValues),
  source: z.enum(labelSource.enumValues),
  stripeObjectId: z
    .string()
    .meta({ description: "The dispute, warning, refund or review; the charge for a merchant's mark." }),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  clearedAt: z.iso.datetime().nullable(),
  clearedBy: z.string().nullable(),
});
export type LabelView = z.infer<typeof LabelView>;

export const TransactionLabels = z.object({
  transactionId: z.string(),
  chargeId: z.string(),
  labels: z
    .array(LabelView)
    .meta({ description: "Every label of the payment, newest first, cleared ones included." }),
});
export type TransactionLabels = z.infer<typeof TransactionLabels>;

export function toLabelView(row: LabelRow): LabelView {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    stripeObjectId: row.stripeObjectId,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    clearedAt: row.clearedAt?.toISOString() ?? null,
    clearedBy: row.clearedBy,
  };
}
