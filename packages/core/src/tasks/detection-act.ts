import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { actOnDetection } from "../actions/act-on-detection";
import { MAX_ACTION_ATTEMPTS } from "../actions/perform-stripe-action";
import { withOrganization } from "../context";
import { type TaskDeps, taskContext } from "./task-deps";

export const DETECTION_ACT_TASK = "detection.act";

export const DetectionActPayload = z.object({
  organizationId: z.string().min(1),
  detectionId: z.string().min(1),
});
export type DetectionActPayload = z.infer<typeof DetectionActPayload>;

/**
 * `detection.act`: cancels or refunds a blocked payment on Stripe, exactly once (the `stripe_actions` key),
 * retried only after a transient Stripe failure. Its own queue, so a slow Stripe never holds up the rest.
 */
export const detectionActTask = defineTask<TaskDeps, DetectionActPayload>({
  id: DETECTION_ACT_TASK,
  payload: DetectionActPayload,
  retry: { maxAttempts: MAX_ACTION_ATTEMPTS, minDelayMs: 10_000, maxDelayMs: 300_000 },
  concurrency: { total: 5 },
  run: (deps, { organizationId, detectionId }) =>
    actOnDetection(withOrganization(taskContext(deps, DETECTION_ACT_TASK), organizationId), deps.stripe, {
      detectionId,
    }),
});
