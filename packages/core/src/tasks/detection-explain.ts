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

/** Outbox priority of a BLOCK's explanation: it starts ahead of runs queued up to this many seconds earlier. */
export const BLOCK_EXPLANATION_PRIORITY = 60;

/**
 * `detection.explain`: writes the plain-language explanation of one detection, queued in the detection's
 * own transaction (BLOCKs with `BLOCK_EXPLANATION_PRIORITY`). At most 10 at once, so a slow LLM never holds
 * up the other tasks; 3 attempts 1 s then 2 s apart (factor 2, capped at 10 s).
 */
export const detectionExplainTask = defineTask<TaskDeps, DetectionExplainPayload>({
  id: DETECTION_EXPLAIN_TASK,
  payload: DetectionExplainPayload,
  retry: { maxAttempts: 3, minDelayMs: 1_000, maxDelayMs: 10_000, factor: 2 },
  concurrency: { total: 10 },
  run: (deps, payload) => explainDetection(taskContext(deps, DETECTION_EXPLAIN_TASK), payload, deps.ai),
});
