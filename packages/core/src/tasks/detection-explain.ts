import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { explainDetection } from "../explanations/explain-detection";
import { type TaskDeps, taskContext } from "./task-deps";

export const DETECTION_EXPLAIN_TASK = "detection.explain";

export const DetectionExplainPayload = z.object({
  detectionId: z.string().min(1),
  organizationId: z.string().min(1),
});
export type DetectionExplainPayload = z.infer<typeof DetectionExplainPayload>;

/**
 * `detection.explain`: writes the plain-language explanation of one detection, queued in the detection's
 * own transaction. Its own queue, so a slow LLM never holds up the other tasks.
 */
export const detectionExplainTask = defineTask<TaskDeps, DetectionExplainPayload>({
  id: DETECTION_EXPLAIN_TASK,
  payload: DetectionExplainPayload,
  retry: { maxAttempts: 3, minDelayMs: 5_000, maxDelayMs: 60_000 },
  queue: { name: "ai", concurrency: 5 },
  run: (deps, payload) => explainDetection(taskContext(deps, DETECTION_EXPLAIN_TASK), payload),
});
