import { deleteExpiredListItems, findList } from "@orylo/db";
import { requestRadarMirror } from "../actions/request-actions";
import { recordAudit } from "../audit/record-audit";
import { type Ctx, withOrganization } from "../context";

const BATCH = 500;

/**
 * Deletes list items whose expiry has passed, a batch per transaction. Each batch audits one
 * `list.items_expired` per list and queues the removal of the items' Radar copies with it, so a temporary
 * block set in Orylo does not outlive its expiry in Stripe.
 */
export async function expireListItems(ctx: Ctx): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const batch = await ctx.db.transaction(async (tx) => {
      const deleted = await deleteExpiredListItems(tx, { now: ctx.now(), limit: BATCH });
      for (const [listId, organizationId] of new Map(
        deleted.map((item) => [item.listId, item.organizationId]),
      )) {
        const items = deleted.filter((item) => item.listId === listId);
        const orgCtx = withOrganization({ ...ctx, db: tx }, organizationId);
        const list = await findList(tx, organizationId, listId);
        if (!list) continue;
        const target = { type: "list", id: list.id };
        await recordAudit(orgCtx, { action: "list.items_expired", target, data: { count: items.length } });
        await requestRadarMirror(orgCtx, list, "remove", items);
      }
      return deleted.length;
    });
    expired += batch;
    if (batch < BATCH) break;
  }
  if (expired > 0) ctx.logger.info({ expired }, "expired list items removed");
  return { expired };
}
