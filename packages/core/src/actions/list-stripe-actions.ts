import { listStripeActions, stripeActionStatus } from "@orylo/db";
import { z } from "zod";
import type { OrgCtx } from "../context";
import { decodeDetectionCursor, encodeDetectionCursor } from "../detections/detection-cursor";
import { StripeActionView, toStripeActionView } from "./stripe-action-view";

export const ListStripeActionsQuery = z
  .object({
    status: z
      .enum(stripeActionStatus.enumValues)
      .optional()
      .meta({ description: "Only actions in this state (`dry_run`, `failed`, …)." }),
    cursor: z.string().min(1).optional().meta({ description: "`nextCursor` from the previous page." }),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListStripeActionsQuery = z.infer<typeof ListStripeActionsQuery>;

export const StripeActionList = z.object({
  data: z.array(StripeActionView),
  nextCursor: z.string().nullable(),
});
export type StripeActionList = z.infer<typeof StripeActionList>;

/** `GET /api/v1/actions`: what Orylo did (or, as dry runs, would have done) on Stripe, newest first. */
export async function listStripeActionsPage(
  ctx: OrgCtx,
  query: ListStripeActionsQuery,
): Promise<StripeActionList> {
  const rows = await listStripeActions(ctx.db, ctx.organizationId, {
    status: query.status,
    before: query.cursor ? decodeDetectionCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toStripeActionView),
    nextCursor: rows.length > query.limit && last ? encodeDetectionCursor(last) : null,
  };
}
