import type { OrgCtx } from "../context";
import type { AddedListItem } from "../labels/system-block-lists";
import { type AuditAction, recordAudit } from "./record-audit";

/** The audit entry of a block or whitelist: how many values went on which lists, never the values. */
export async function auditListAdditions(
  ctx: OrgCtx,
  action: AuditAction,
  target: { type: string; id: string },
  added: AddedListItem[],
  tx: Parameters<typeof recordAudit>[2],
): Promise<void> {
  await recordAudit(
    ctx,
    { action, target, data: { count: added.length, lists: [...new Set(added.map((item) => item.listId))] } },
    tx,
  );
}
