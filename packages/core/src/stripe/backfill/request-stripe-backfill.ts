import { enqueueTasks, startStripeBackfills } from "@orylo/db";
import type { OrgCtx } from "../../context";
import { STRIPE_BACKFILL_TASK, type StripeBackfillPayload } from "../../tasks/stripe-backfill";
import { BACKFILL_RESOURCES } from "./backfill-resources";

/** SPEC §A: the history import covers the 90 days before the connection. */
export const BACKFILL_DAYS = 90;

/**
 * Starts the import of the 90 days before `connectedAt` (charges first, then disputes and early fraud
 * warnings, so their labels find their payments) and queues `stripe.backfill`, in the caller's transaction.
 * Later charges come only from webhooks.
 */
export async function requestStripeBackfill(ctx: OrgCtx, connectedAt: Date): Promise<void> {
  const from = new Date(connectedAt.getTime() - BACKFILL_DAYS * 86_400_000);
  await startStripeBackfills(ctx.db, ctx.organizationId, {
    resources: BACKFILL_RESOURCES.map((r) => r.resource),
    from,
    before: connectedAt,
  });
  const payload: StripeBackfillPayload = { organizationId: ctx.organizationId };
  await enqueueTasks(ctx.db, [
    {
      taskId: STRIPE_BACKFILL_TASK,
      payload,
      dedupeKey: `${STRIPE_BACKFILL_TASK}:${ctx.organizationId}:${connectedAt.getTime()}`,
      organizationId: ctx.organizationId,
    },
  ]);
}
