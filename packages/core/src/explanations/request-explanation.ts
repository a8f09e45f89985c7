import { DEFAULT_EXPLANATION_LANGUAGE, ExplanationLanguage } from "@orylo/ai";
import { enqueueTasks, insertPendingExplanation } from "@orylo/db";
import type { Decision } from "@orylo/engine";
import type { OrgCtx } from "../context";
import {
  BLOCK_EXPLANATION_PRIORITY,
  DETECTION_EXPLAIN_TASK,
  type DetectionExplainPayload,
} from "../tasks/detection-explain";

/**
 * Asks for a detection's explanation: a `pending` row, in the organization's language, and the
 * `detection.explain` task (ahead of the queue for a BLOCK), both in the caller's transaction (the detection's own), so a detection is never
 * committed without them, nor they without it.
 */
export async function requestExplanation(
  ctx: OrgCtx,
  detectionId: string,
  decision: Decision,
): Promise<void> {
  const { organizationId } = ctx;
  await insertPendingExplanation(ctx.db, {
    detectionId,
    organizationId,
    languages: ExplanationLanguage.options,
    fallbackLanguage: DEFAULT_EXPLANATION_LANGUAGE,
  });
  const payload: DetectionExplainPayload = { detectionId, organizationId };
  await enqueueTasks(ctx.db, [
    {
      taskId: DETECTION_EXPLAIN_TASK,
      payload,
      dedupeKey: `${DETECTION_EXPLAIN_TASK}:${detectionId}`,
      organizationId,
      priority: decision === "BLOCK" ? BLOCK_EXPLANATION_PRIORITY : 0,
    },
  ]);
}
