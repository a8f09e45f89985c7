import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { listItems, lists } from "../schema";

export type ListRow = typeof lists.$inferSelect;
export type NewList = typeof lists.$inferInsert;
export type ListItemRow = typeof listItems.$inferSelect;
export type ListKind = ListRow["kind"];
export type ListItemSource = ListItemRow["source"];

/** Undefined when the name is taken in this organization (a rule's `@name` must mean one list). */
export async function insertList(db: Executor, row: NewList): Promise<ListRow | undefined> {
  const [list] = await db.insert(lists).values(row).onConflictDoNothing().returning();
  return list;
}

export async function findList(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(lists)
    .where(and(eq(lists.organizationId, organizationId), eq(lists.id, id)));
  return row;
}

/** Every list of the organization by name, with how many items each holds. */
export async function selectLists(db: Executor, organizationId: string) {
  return db
    .select({
      id: lists.id,
      name: lists.name,
      kind: lists.kind,
      action: lists.action,
      description: lists.description,
      createdBy: lists.createdBy,
      createdAt: lists.createdAt,
      itemCount: count(listItems.id),
    })
    .from(lists)
    .leftJoin(listItems, eq(listItems.listId, lists.id))
    .where(eq(lists.organizationId, organizationId))
    .groupBy(lists.id)
    .orderBy(asc(lists.name));
}

export type NewListItem = Pick<ListItemRow, "value" | "source" | "author" | "expiresAt">;

/**
 * Adds items to a list the caller has checked belongs to the organization. A value already there is
 * refreshed (source, author, expiry), so re-adding a value extends or clears its expiry.
 */
export async function upsertListItems(
  db: Executor,
  params: { organizationId: string; listId: string; items: readonly (NewListItem & { id: string })[] },
): Promise<ListItemRow[]> {
  if (params.items.length === 0) return [];
  const { organizationId, listId } = params;
  return db
    .insert(listItems)
    .values(params.items.map((item) => ({ ...item, organizationId, listId })))
    .onConflictDoUpdate({
      target: [listItems.listId, listItems.value],
      set: {
        source: sqlExcluded("source"),
        author: sqlExcluded("author"),
        expiresAt: sqlExcluded("expires_at"),
      },
    })
    .returning();
}

function sqlExcluded(column: string) {
  return sql.raw(`excluded.${column}`);
}

export async function selectListItems(db: Executor, organizationId: string, listId: string) {
  return db
    .select({
      value: listItems.value,
      source: listItems.source,
      author: listItems.author,
      expiresAt: listItems.expiresAt,
      createdAt: listItems.createdAt,
    })
    .from(listItems)
    .where(and(eq(listItems.organizationId, organizationId), eq(listItems.listId, listId)))
    .orderBy(asc(listItems.value));
}

/** Whether the item is still listed (the same entry: a value removed and added again has a new id). */
export async function listItemExists(
  db: Executor,
  params: { organizationId: string; listId: string; itemId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: listItems.id })
    .from(listItems)
    .where(
      and(
        eq(listItems.organizationId, params.organizationId),
        eq(listItems.listId, params.listId),
        eq(listItems.id, params.itemId),
      ),
    );
  return row !== undefined;
}

export async function deleteListItem(
  db: Executor,
  params: { organizationId: string; listId: string; value: string },
): Promise<string | null> {
  const deleted = await db
    .delete(listItems)
    .where(
      and(
        eq(listItems.organizationId, params.organizationId),
        eq(listItems.listId, params.listId),
        eq(listItems.value, params.value),
      ),
    )
    .returning({ id: listItems.id });
  return deleted[0]?.id ?? null;
}

/** The unexpired items of the organization's allow and block lists, with their ids (Radar's first sync). */
export async function selectActionListEntries(
  db: Executor,
  params: { organizationId: string; now: Date },
): Promise<{ listId: string; kind: ListKind; action: ListAction | null; id: string; value: string }[]> {
  return db
    .select({
      listId: lists.id,
      kind: lists.kind,
      action: lists.action,
      id: listItems.id,
      value: listItems.value,
    })
    .from(listItems)
    .innerJoin(lists, eq(lists.id, listItems.listId))
    .where(
      and(
        eq(listItems.organizationId, params.organizationId),
        isNotNull(lists.action),
        or(isNull(listItems.expiresAt), gt(listItems.expiresAt, params.now)),
      ),
    )
    .orderBy(asc(listItems.listId), asc(listItems.id));
}

/**
 * Deletes up to `limit` items whose expiry has passed, across organizations, and returns them with their
 * list: an expired entry no longer decides anything, and removing it lets its Radar copy go too.
 */
export async function deleteExpiredListItems(
  db: Executor,
  params: { now: Date; limit: number },
): Promise<{ organizationId: string; listId: string; id: string; value: string }[]> {
  const expired = db
    .select({ id: listItems.id })
    .from(listItems)
    .where(lte(listItems.expiresAt, params.now))
    .limit(params.limit);
  return db.delete(listItems).where(inArray(listItems.id, expired)).returning({
    organizationId: listItems.organizationId,
    listId: listItems.listId,
    id: listItems.id,
    value: listItems.value,
  });
}

/**
 * The unexpired items of the named lists, by name, in one query (the hot path). A name with no list is
 * absent from the result, so a rule reading it is traced as an error rather than silently not matching.
 */
export async function findListValuesByName(
  db: Executor,
  params: { organizationId: string; names: readonly string[]; now: Date },
): Promise<Record<string, string[]>> {
  if (params.names.length === 0) return {};
  const rows = await db
    .select({ name: lists.name, value: listItems.value })
    .from(lists)
    .leftJoin(
      listItems,
      and(
        eq(listItems.listId, lists.id),
        or(isNull(listItems.expiresAt), gt(listItems.expiresAt, params.now)),
      ),
    )
    .where(and(eq(lists.organizationId, params.organizationId), inArray(lists.name, [...params.names])));
  const byName: Record<string, string[]> = {};
  for (const { name, value } of rows) {
    byName[name] ??= [];
    if (value !== null) byName[name].push(value);
  }
  return byName;
}

export async function findListByName(db: Executor, organizationId: string, name: string) {
  const [row] = await db
    .select()
    .from(lists)
    .where(and(eq(lists.organizationId, organizationId), eq(lists.name, name)));
  return row;
}

/** Adds values that are not there yet and leaves existing ones alone (a merchant's own entry keeps its expiry). */
export async function insertMissingListItems(
  db: Executor,
  params: { organizationId: string; listId: string; items: readonly (NewListItem & { id: string })[] },
): Promise<{ id: string; listId: string; value: string }[]> {
  if (params.items.length === 0) return [];
  const { organizationId, listId } = params;
  return db
    .insert(listItems)
    .values(params.items.map((item) => ({ ...item, organizationId, listId })))
    .onConflictDoNothing({ target: [listItems.listId, listItems.value] })
    .returning({ id: listItems.id, listId: listItems.listId, value: listItems.value });
}

export type ListAction = NonNullable<ListRow["action"]>;
export type ActionListValues = { name: string; action: ListAction; kind: ListKind; values: string[] };

export function groupActionLists(
  rows: { name: string; action: ListAction | null; kind: ListKind; value: string }[],
) {
  const byName = new Map<string, ActionListValues>();
  for (const { name, action, kind, value } of rows) {
    if (action === null) continue;
    let list = byName.get(name);
    if (!list) {
      list = { name, action, kind, values: [] };
      byName.set(name, list);
    }
    list.values.push(value);
  }
  return [...byName.values()];
}

/** Unexpired items of the organization's allow and block lists. */
function selectActionListItems(
  db: Executor,
  params: { organizationId: string; now: Date; exceptAutomatic?: boolean },
) {
  return db
    .select({ name: lists.name, action: lists.action, kind: lists.kind, value: listItems.value })
    .from(listItems)
    .innerJoin(lists, eq(lists.id, listItems.listId))
    .where(
      and(
        eq(listItems.organizationId, params.organizationId),
        or(isNull(listItems.expiresAt), gt(listItems.expiresAt, params.now)),
        isNotNull(lists.action),
        params.exceptAutomatic ? ne(listItems.source, "automatic") : undefined,
      ),
    );
}

/**
 * Every unexpired item of the organization's allow and block lists (backtests match in memory);
 * `exceptAutomatic` leaves out the entries Orylo made from labels.
 */
export async function selectActionLists(
  db: Executor,
  params: { organizationId: string; now: Date; exceptAutomatic?: boolean },
): Promise<ActionListValues[]> {
  return groupActionLists(await selectActionListItems(db, params));
}
