import { listStripeActions, stripeActionStatus } from "@orylo/db";
import { z } from "zod";
import type { OrgCtx } from "../context";
import { PageQueryFields, pageWindow, toPage } from "../pagination";
import { StripeActionView, toStripeActionView } from "./stripe-action-view";

export const ListStripeActionsQuery = z
  .object({
    status: z
      .enum(stripeActionStatus.enumValues)
      .optional()
      .meta({ description: "Only actions in this state (`dry_run`, `failed`, …)." }),
    ...PageQueryFields,
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
    ...pageWindow(query),
  });
  return toPage(rows, query.limit, toStripeActionView);
}
