import { deleteListItem, findDetectionWithTransaction, findList } from "@orylo/db";
import { z } from "zod";
import { requestRadarMirror } from "../actions/request-actions";
import { auditListAdditions } from "../audit/audit-list-additions";
import { recordAudit } from "../audit/record-audit";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import {
  type AddedListItem,
  ALLOW_FAMILY,
  addToSystemBlockLists,
  addToSystemLists,
} from "../labels/system-block-lists";

export const ListAdditions = z
  .array(z.object({ listId: z.string().min(1), value: z.string().min(1) }))
  .max(20);

async function paymentOf(ctx: OrgCtx, detectionId: string) {
  const row = await findDetectionWithTransaction(ctx.db, ctx.organizationId, detectionId);
  if (!row?.transaction) throw new NotFoundError("detection", detectionId);
  return row.transaction;
}

/**
 * The merchant blocks who made this payment: its card, email, device and Stripe customer go on the block
 * lists. Returns what was added (values already listed are left out), which is what an undo removes.
 */
export async function blockDetectionSource(ctx: OrgCtx, detectionId: string): Promise<AddedListItem[]> {
  const payment = await paymentOf(ctx, detectionId);
  return ctx.db.transaction(async (tx) => {
    const added = await addToSystemBlockLists(
      { ...ctx, db: tx },
      {
        card_fingerprint: [payment.cardFingerprint],
        email: [payment.email],
        device_id: [payment.deviceId],
        customer: [payment.customerId],
      },
      "manual",
    );
    await auditListAdditions(
      ctx,
      "detection.source_blocked",
      { type: "detection", id: detectionId },
      added,
      tx,
    );
    return added;
  });
}

/** The merchant trusts this payment's customer: its email and Stripe customer go on the allow lists. */
export async function whitelistDetectionCustomer(ctx: OrgCtx, detectionId: string): Promise<AddedListItem[]> {
  const payment = await paymentOf(ctx, detectionId);
  return ctx.db.transaction(async (tx) => {
    const added = await addToSystemLists(
      { ...ctx, db: tx },
      ALLOW_FAMILY,
      { email: [payment.email], customer: [payment.customerId] },
      "manual",
    );
    await auditListAdditions(
      ctx,
      "detection.customer_whitelisted",
      { type: "detection", id: detectionId },
      added,
      tx,
    );
    return added;
  });
}

/** Undo of a block or whitelist: removes exactly the items it added; none of them left → 404. */
export async function removeListAdditions(
  ctx: OrgCtx,
  items: z.infer<typeof ListAdditions>,
): Promise<number> {
  // One transaction: a removal and the Radar mirror it queues land together.
  const removed = await ctx.db.transaction(async (tx) => {
    let count = 0;
    for (const item of ListAdditions.parse(items)) {
      const id = await deleteListItem(tx, { organizationId: ctx.organizationId, ...item });
      if (!id) continue;
      count += 1;
      const list = await findList(tx, ctx.organizationId, item.listId);
      if (list) await requestRadarMirror({ ...ctx, db: tx }, list, "remove", [{ id, value: item.value }]);
    }
    if (count > 0)
      await recordAudit(
        ctx,
        {
          action: "list.additions_undone",
          target: { type: "list", id: items[0]?.listId ?? "" },
          data: { count, lists: [...new Set(items.map((item) => item.listId))] },
        },
        tx,
      );
    return count;
  });
  if (items.length > 0 && removed === 0) throw new NotFoundError("list item", items[0]?.value ?? "");
  return removed;
}
