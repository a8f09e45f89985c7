import { DEFAULT_EXPLANATION_LANGUAGE, ExplanationLanguage } from "@orylo/ai";
import type { DetectionFollowUps } from "@orylo/db";
import type { Decision } from "@orylo/engine";
import {
  BLOCK_EXPLANATION_PRIORITY,
  DETECTION_EXPLAIN_TASK,
  type DetectionExplainPayload,
} from "../tasks/detection-explain";

/**
 * What asking for a detection's explanation writes: a `pending` row, in the organization's language, and the
 * `detection.explain` task (ahead of the queue for a BLOCK). `insertDetection` writes them in the detection's own
 * statement, so a detection is never committed without them, nor they without it.
 */
export function explanationRequest(
  organizationId: string,
  detectionId: string,
  decision: Decision,
): Required<DetectionFollowUps> {
  const payload: DetectionExplainPayload = { detectionId, organizationId };
  return {
    explanation: {
      detectionId,
      organizationId,
      languages: ExplanationLanguage.options,
      fallbackLanguage: DEFAULT_EXPLANATION_LANGUAGE,
    },
    tasks: [
      {
        taskId: DETECTION_EXPLAIN_TASK,
        payload,
        dedupeKey: `${DETECTION_EXPLAIN_TASK}:${detectionId}`,
        organizationId,
        priority: decision === "BLOCK" ? BLOCK_EXPLANATION_PRIORITY : 0,
      },
    ],
  };
}
