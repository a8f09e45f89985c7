import { enqueueTasks } from "@orylo/db";
import type { OrgCtx } from "../context";
import type { OrganizationSettings } from "../organizations/organization-settings";
import { DETECTION_ACT_TASK, type DetectionActPayload } from "../tasks/detection-act";

/**
 * Queues `detection.act` for a BLOCK in the detection's own transaction (never a Stripe call inside the
 * webhook request), when the organization acts on blocked payments at all. Observe-only organizations queue
 * nothing.
 */
export async function requestBlockAction(
  ctx: OrgCtx,
  detectionId: string,
  settings: OrganizationSettings,
): Promise<void> {
  if (!settings.actions.cancelOnBlock && !settings.actions.refundOnBlock) return;
  const payload: DetectionActPayload = { organizationId: ctx.organizationId, detectionId };
  await enqueueTasks(ctx.db, [
    {
      taskId: DETECTION_ACT_TASK,
      payload,
      dedupeKey: `${DETECTION_ACT_TASK}:${detectionId}`,
      organizationId: ctx.organizationId,
    },
  ]);
}
