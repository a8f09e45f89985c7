import { enqueueTasks, findDetectionSummary, type ListRow } from "@orylo/db";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import { loadStoredSettings } from "../organizations/load-stored-settings";
import type { OrganizationSettings } from "../organizations/organization-settings";
import { DETECTION_ACT_TASK, type DetectionActPayload } from "../tasks/detection-act";
import { RADAR_ITEM_TYPE } from "./radar-value-lists";

/** Actions are tasks, queued in the caller's transaction: never a Stripe call inside a request. */
async function enqueueActions(
  ctx: OrgCtx,
  actions: readonly { payload: DetectionActPayload; dedupeKey: string }[],
): Promise<void> {
  if (actions.length === 0) return;
  await enqueueTasks(
    ctx.db,
    actions.map(({ payload, dedupeKey }) => ({
      taskId: DETECTION_ACT_TASK,
      payload,
      dedupeKey: `${DETECTION_ACT_TASK}:${dedupeKey}`,
      organizationId: ctx.organizationId,
    })),
  );
}

async function enqueueAction(ctx: OrgCtx, payload: DetectionActPayload, dedupeKey: string): Promise<void> {
  await enqueueActions(ctx, [{ payload, dedupeKey }]);
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

/**
 * With the list change's transaction: mirrors added or removed items of an allow or block list into Radar,
 * when the organization mirrors lists and Radar has a value list type for the list's kind. Keyed on the item
 * id, so a value refreshed in place is not queued again and one removed and added back is.
 */
export async function requestRadarMirror(
  ctx: OrgCtx,
  list: Pick<ListRow, "id" | "kind" | "action">,
  operation: "add" | "remove",
  items: readonly { id: string; value: string }[],
): Promise<void> {
  if (!list.action || !RADAR_ITEM_TYPE[list.kind] || items.length === 0) return;
  if (!(await loadStoredSettings(ctx)).actions.mirrorRadarLists) return;
  await enqueueActions(
    ctx,
    items.map((item) => ({
      payload: {
        trigger: "list_mirror",
        organizationId: ctx.organizationId,
        listId: list.id,
        itemId: item.id,
        value: item.value,
        operation,
      },
      dedupeKey: `radar:${operation}:${item.id}`,
    })),
  );
}
