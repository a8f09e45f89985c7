import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { actOnDetection } from "../actions/act-on-detection";
import { actOnEarlyFraudWarning } from "../actions/act-on-early-fraud-warning";
import { actOnReview } from "../actions/act-on-review";
import { mirrorRadarList } from "../actions/mirror-radar-list";
import { MAX_ACTION_ATTEMPTS } from "../actions/perform-stripe-action";
import { withOrganization } from "../context";
import { type TaskDeps, taskContext } from "./task-deps";

export const DETECTION_ACT_TASK = "detection.act";

const organizationId = z.string().min(1);
export const DetectionActPayload = z.discriminatedUnion("trigger", [
  z.object({ trigger: z.literal("block"), organizationId, detectionId: z.string().min(1) }),
  z.object({ trigger: z.literal("early_fraud_warning"), organizationId, chargeId: z.string().min(1) }),
  z.object({
    trigger: z.literal("review"),
    organizationId,
    detectionId: z.string().min(1),
    outcome: z.enum(["approve", "refund"]),
  }),
  z.object({
    trigger: z.literal("list_mirror"),
    organizationId,
    listId: z.string().min(1),
    itemId: z.string().min(1),
    value: z.string().min(1),
    operation: z.enum(["add", "remove"]),
  }),
]);
export type DetectionActPayload = z.infer<typeof DetectionActPayload>;

/**
 * `detection.act`: one action on Stripe (cancel or refund a blocked payment, refund after an early fraud
 * warning, approve or refund a closed review, mirror a list item into Radar), exactly once (the `stripe_actions` key), retried only after a
 * transient Stripe failure. Its own queue, so a slow Stripe never holds up the rest.
 */
export const detectionActTask = defineTask<TaskDeps, DetectionActPayload>({
  id: DETECTION_ACT_TASK,
  payload: DetectionActPayload,
  retry: { maxAttempts: MAX_ACTION_ATTEMPTS, minDelayMs: 10_000, maxDelayMs: 300_000 },
  concurrency: { total: 5 },
  run: (deps, payload) => {
    const ctx = withOrganization(taskContext(deps, DETECTION_ACT_TASK), payload.organizationId);
    switch (payload.trigger) {
      case "block":
        return actOnDetection(ctx, deps.stripe, payload);
      case "early_fraud_warning":
        return actOnEarlyFraudWarning(ctx, deps.stripe, payload);
      case "review":
        return actOnReview(ctx, deps.stripe, payload);
      case "list_mirror":
        return mirrorRadarList(ctx, deps.stripe, payload);
    }
  },
});
