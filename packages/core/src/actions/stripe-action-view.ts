import { type StripeActionRow, stripeActionStatus } from "@orylo/db";
import { z } from "zod";
import { ActionTrigger, StripeActionKind } from "./stripe-action-spec";

/** One action on Stripe as the API and the dashboard show it. */
export const StripeActionView = z
  .object({
    id: z.string(),
    kind: StripeActionKind,
    stripeObjectId: z.string(),
    trigger: ActionTrigger,
    status: z.enum(stripeActionStatus.enumValues).meta({
      description:
        "`dry_run`: no Stripe credentials, nothing was sent (`outcome` says what would have been done); `skipped`: nothing left to do; `failed`: Stripe refused (`message` says why and what to change).",
    }),
    outcome: z.string().nullable().meta({ example: "refunded" }),
    message: z.string().nullable(),
    dryRun: z.boolean(),
    request: z.record(z.string(), z.unknown()),
    stripeIds: z.record(z.string(), z.string()),
    detectionId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "StripeAction" });
export type StripeActionView = z.infer<typeof StripeActionView>;

export function toStripeActionView(row: StripeActionRow): StripeActionView {
  return {
    id: row.id,
    kind: row.kind,
    stripeObjectId: row.stripeObjectId,
    trigger: ActionTrigger.parse(row.trigger),
    status: row.status,
    outcome: row.outcome,
    message: row.message,
    dryRun: row.dryRun,
    request: row.request,
    stripeIds: row.stripeIds,
    detectionId: row.detectionId,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
