import { deleteListItem, findDetectionWithTransaction } from "@orylo/db";
import { z } from "zod";
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
  return addToSystemBlockLists(
    ctx,
    {
      card_fingerprint: [payment.cardFingerprint],
      email: [payment.email],
      device_id: [payment.deviceId],
      customer: [payment.customerId],
    },
    "manual",
  );
}

/** The merchant trusts this payment's customer: its email and Stripe customer go on the allow lists. */
export async function whitelistDetectionCustomer(ctx: OrgCtx, detectionId: string): Promise<AddedListItem[]> {
  const payment = await paymentOf(ctx, detectionId);
  return addToSystemLists(
    ctx,
    ALLOW_FAMILY,
    { email: [payment.email], customer: [payment.customerId] },
    "manual",
  );
}

/** Undo of a block or whitelist: removes exactly the items it added; none of them left → 404. */
export async function removeListAdditions(
  ctx: OrgCtx,
  items: z.infer<typeof ListAdditions>,
): Promise<number> {
  let removed = 0;
  for (const item of ListAdditions.parse(items)) {
    if (await deleteListItem(ctx.db, { organizationId: ctx.organizationId, ...item })) removed += 1;
  }
  if (items.length > 0 && removed === 0) throw new NotFoundError("list item", items[0]?.value ?? "");
  return removed;
}
