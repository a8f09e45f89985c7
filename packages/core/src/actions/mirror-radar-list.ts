import { findList, listItemExists, type StripeActionRow } from "@orylo/db";
import type { OrgCtx } from "../context";
import { loadStoredSettings } from "../organizations/load-stored-settings";
import type { StripeAccess } from "../stripe/stripe-access";
import { performStripeAction } from "./perform-stripe-action";
import { RADAR_ITEM_TYPE } from "./radar-value-lists";

export interface ListMirrorChange {
  listId: string;
  itemId: string;
  value: string;
  operation: "add" | "remove";
}

/**
 * `detection.act` for a list change: adds the value to (or deletes it from) the Radar value list
 * `orylo_<list name>`, created on first use. The switch is read when the task runs (turned off meanwhile
 * wins); an addition whose item was removed before the task ran does nothing, so it cannot outlive the
 * removal. The key holds the item id: a value removed and later added back is mirrored again.
 */
export async function mirrorRadarList(
  ctx: OrgCtx,
  access: StripeAccess,
  change: ListMirrorChange,
): Promise<StripeActionRow | null> {
  if (!(await loadStoredSettings(ctx)).actions.mirrorRadarLists) return null;
  const list = await findList(ctx.db, ctx.organizationId, change.listId);
  const itemType = list?.action ? RADAR_ITEM_TYPE[list.kind] : undefined;
  if (!list || !itemType) return null;
  if (
    change.operation === "add" &&
    !(await listItemExists(ctx.db, { organizationId: ctx.organizationId, ...change }))
  ) {
    ctx.logger.info({ listId: list.id, itemId: change.itemId }, "list item gone before it was mirrored");
    return null;
  }
  const alias = radarAlias(list.name);
  return performStripeAction(ctx, access, {
    kind: change.operation === "add" ? "radar_add" : "radar_remove",
    stripeObjectId: `${alias}:${change.value}:${change.itemId}`,
    trigger: "list_mirror",
    detectionId: null,
    radar: { alias, name: `Orylo ${list.action} list @${list.name}`, itemType, value: change.value },
  });
}

/** Radar aliases take letters, digits and `_`; Orylo list names may also hold `-`. */
export function radarAlias(listName: string): string {
  return `orylo_${listName.replaceAll("-", "_")}`;
}
