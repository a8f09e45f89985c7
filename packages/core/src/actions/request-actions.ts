import { enqueueTasks, findDetectionSummary } from "@orylo/db";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import type { OrganizationSettings } from "../organizations/organization-settings";
import { DETECTION_ACT_TASK, type DetectionActPayload } from "../tasks/detection-act";

/** Actions are tasks, queued in the caller's transaction: never a Stripe call inside a request. */
async function enqueueAction(ctx: OrgCtx, payload: DetectionActPayload, dedupeKey: string): Promise<void> {
  await enqueueTasks(ctx.db, [
    {
      taskId: DETECTION_ACT_TASK,
      payload,
      dedupeKey: `${DETECTION_ACT_TASK}:${dedupeKey}`,
      organizationId: ctx.organizationId,
    },
  ]);
}

/** With the BLOCK's own transaction, when the organization acts on blocked payments at all. */
export async function requestBlockAction(
  ctx: OrgCtx,
  detectionId: string,
  settings: OrganizationSettings,
): Promise<void> {
  if (!settings.actions.cancelOnBlock && !settings.actions.refundOnBlock) return;
  await enqueueAction(
    ctx,
    { trigger: "block", organizationId: ctx.organizationId, detectionId },
    detectionId,
  );
}

/** With the warning's event, when the organization refunds warned payments; the task applies the policy. */
export async function requestEarlyFraudWarningAction(
  ctx: OrgCtx,
  warning: { id: string; chargeId: string },
  settings: OrganizationSettings,
): Promise<void> {
  if (!settings.actions.refundEarlyFraudWarnings) return;
  await enqueueAction(
    ctx,
    { trigger: "early_fraud_warning", organizationId: ctx.organizationId, chargeId: warning.chargeId },
    `efw:${warning.id}`,
  );
}

/**
 * A review closed in Orylo (the dashboard's review queue): `approve` approves Stripe's Radar review of the
 * payment, `refund` refunds it, when the organization lets Orylo close reviews on Stripe.
 */
export async function closeReviewOnStripe(
  ctx: OrgCtx,
  { detectionId, outcome }: { detectionId: string; outcome: "approve" | "refund" },
): Promise<void> {
  const detection = await findDetectionSummary(ctx.db, ctx.organizationId, detectionId);
  if (!detection) throw new NotFoundError("detection", detectionId);
  await enqueueAction(
    ctx,
    { trigger: "review", organizationId: ctx.organizationId, detectionId, outcome },
    `review:${detectionId}:${outcome}`,
  );
}
