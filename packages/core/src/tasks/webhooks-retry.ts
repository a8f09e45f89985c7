import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { retryStripeEvents } from "../stripe-events/retry-stripe-events";
import { type TaskDeps, taskContext } from "./task-deps";

export const ScheduledPayload = z.object({ scheduledAt: z.iso.datetime().optional() });

/** `webhooks.retry`: every two minutes, reprocess failed events past their backoff and events a crash left behind. */
export const webhooksRetryTask = defineTask<TaskDeps, z.infer<typeof ScheduledPayload>>({
  id: "webhooks.retry",
  payload: ScheduledPayload,
  retry: { maxAttempts: 1, minDelayMs: 0, maxDelayMs: 0 },
  concurrency: { total: 1 },
  cron: "*/2 * * * *",
  run: (deps) => retryStripeEvents(taskContext(deps, "webhooks.retry")),
});
