import { selectActionListEntries } from "@orylo/db";
import type { OrgCtx } from "../context";
import { requestRadarMirror } from "./request-actions";

/**
 * Radar's first sync, when an organization switches mirroring on: queues every unexpired item of its allow
 * and block lists, in the caller's transaction. The dedupe keys are the item ids, so items already mirrored
 * (mirroring switched off and on again) are not queued twice.
 */
export async function mirrorExistingListItems(ctx: OrgCtx): Promise<number> {
  const entries = await selectActionListEntries(ctx.db, {
    organizationId: ctx.organizationId,
    now: ctx.now(),
  });
  const lists = new Map(entries.map(({ listId, kind, action }) => [listId, { id: listId, kind, action }]));
  for (const list of lists.values()) {
    const items = entries.filter((entry) => entry.listId === list.id);
    await requestRadarMirror(ctx, list, "add", items);
  }
  return entries.length;
}
