import { deleteListItem, findList, insertList, selectLists, upsertListItems } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { requestRadarMirror } from "../actions/request-actions";
import { recordAudit } from "../audit/record-audit";
import { describeActor, type OrgCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { recordListedCustomers } from "../trust/record-listed-customers";
import {
  AddListItemsInput,
  type CreateListInput,
  type ListItemList,
  type ListList,
  type ListView,
  toListItemView,
} from "./list-schemas";
import { normalizeListValue } from "./normalize-list-value";

/** A new, empty list; its name is what rules write as `@name`, so a taken name is a 409. */
export async function createList(ctx: OrgCtx, input: CreateListInput): Promise<ListView> {
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertList(tx, {
      id: generateId("list"),
      organizationId: ctx.organizationId,
      name: input.name,
      kind: input.kind,
      action: input.action ?? null,
      description: input.description ?? null,
      createdBy: describeActor(ctx.actor),
    });
    if (inserted) {
      const data = { name: inserted.name, kind: inserted.kind, action: inserted.action };
      await recordAudit(ctx, { action: "list.created", target: { type: "list", id: inserted.id }, data }, tx);
    }
    return inserted;
  });
  if (!row) throw new ConflictError(`A list named @${input.name} already exists.`, { name: input.name });
  return { ...row, itemCount: 0, createdAt: row.createdAt.toISOString() };
}

export async function listLists(ctx: OrgCtx): Promise<ListList> {
  const rows = await selectLists(ctx.db, ctx.organizationId);
  return { data: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), nextCursor: null };
}

async function listOf(ctx: OrgCtx, id: string) {
  const list = await findList(ctx.db, ctx.organizationId, id);
  if (!list) throw new NotFoundError("list", id);
  return list;
}

/**
 * Adds (or refreshes) values, normalized for the list's kind; one invalid value rejects the batch. Customers
 * put on an allow or block list have their trust score changed in the same transaction.
 */
export async function addListItems(
  ctx: OrgCtx,
  listId: string,
  input: AddListItemsInput,
): Promise<ListItemList> {
  const { items, source } = AddListItemsInput.parse(input);
  const list = await listOf(ctx, listId);
  const author = describeActor(ctx.actor);
  const byValue = new Map(
    items.map((item) => [
      normalizeListValue(list.kind, item.value),
      item.expiresAt ? new Date(item.expiresAt) : null,
    ]),
  );
  const rows = await ctx.db.transaction(async (tx) => {
    const upserted = await upsertListItems(tx, {
      organizationId: ctx.organizationId,
      listId,
      items: [...byValue].map(([value, expiresAt]) => ({
        id: generateId("litem"),
        value,
        source,
        author,
        expiresAt,
      })),
    });
    if (list.kind === "customer" && list.action)
      await recordListedCustomers(
        { ...ctx, db: tx },
        { id: list.id, action: list.action },
        [...byValue.keys()],
        source,
      );
    // Counts, not values: list values are personal data (emails, IPs) and the log outlives erasure.
    const data = { count: upserted.length, source };
    await recordAudit(ctx, { action: "list.items_added", target: { type: "list", id: listId }, data }, tx);
    await requestRadarMirror({ ...ctx, db: tx }, list, "add", upserted);
    return upserted;
  });
  ctx.logger.info({ listId, count: rows.length }, "list items added");
  return { data: rows.map(toListItemView), nextCursor: null };
}

export async function removeListItem(ctx: OrgCtx, listId: string, value: string): Promise<void> {
  const list = await listOf(ctx, listId);
  const normalized = normalizeListValue(list.kind, value);
  const removed = await ctx.db.transaction(async (tx) => {
    const deleted = await deleteListItem(tx, {
      organizationId: ctx.organizationId,
      listId,
      value: normalized,
    });
    if (deleted) {
      await recordAudit(ctx, { action: "list.item_removed", target: { type: "list", id: listId } }, tx);
      const item = { id: deleted, value: normalized };
      await requestRadarMirror({ ...ctx, db: tx }, list, "remove", [item]);
    }
    return deleted;
  });
  if (!removed) throw new NotFoundError("list item", value);
}
