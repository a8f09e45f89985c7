import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { withOrganization } from "../context";
import { runStripeBackfill } from "../stripe/backfill/run-stripe-backfill";
import { type TaskDeps, taskContext } from "./task-deps";

export const STRIPE_BACKFILL_TASK = "stripe.backfill";

export const StripeBackfillPayload = z.object({ organizationId: z.string().min(1) });
export type StripeBackfillPayload = z.infer<typeof StripeBackfillPayload>;

/**
 * `stripe.backfill`: imports the 90 days before a Stripe connection as history (never scored), resumable from
 * its saved cursors. One at a time per process, so an import never crowds out the live tasks.
 */
export const stripeBackfillTask = defineTask<TaskDeps, StripeBackfillPayload>({
  id: STRIPE_BACKFILL_TASK,
  payload: StripeBackfillPayload,
  retry: { maxAttempts: 5, minDelayMs: 30_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  run: (deps, { organizationId }) =>
    runStripeBackfill(withOrganization(taskContext(deps, STRIPE_BACKFILL_TASK), organizationId), deps.stripe),
});
