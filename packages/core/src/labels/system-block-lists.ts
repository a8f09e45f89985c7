import { findListByName, insertList, insertMissingListItems } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { describeActor, type OrgCtx } from "../context";
import { OryloError } from "../errors";
import type { ListKind } from "../lists/list-schemas";
import { normalizeListValue } from "../lists/normalize-list-value";
import { recordListedCustomers } from "../trust/record-listed-customers";

/** The block lists Orylo fills itself (source `automatic`); rules read them as `@blocked_cards` and so on. */
export const SYSTEM_BLOCK_LISTS = {
  card_fingerprint: "blocked_cards",
  email: "blocked_emails",
  device_id: "blocked_devices",
  customer: "blocked_customers",
} as const satisfies Partial<Record<ListKind, string>>;
export type SystemBlockKind = keyof typeof SYSTEM_BLOCK_LISTS;

export type BlockValues = Partial<Record<SystemBlockKind, readonly (string | null | undefined)[]>>;

/**
 * Puts values on the organization's system block lists, creating a list the first time. A value already
 * listed (by the merchant or earlier) is left as it is; a value that is not valid for its kind, or a list of
 * that name the merchant made for another kind, is skipped and logged: a label must never fail its webhook.
 */
export async function addToSystemBlockLists(ctx: OrgCtx, values: BlockValues): Promise<number> {
  let added = 0;
  for (const [kind, raw] of Object.entries(values) as [SystemBlockKind, BlockValues[SystemBlockKind]][]) {
    const items = normalizedValues(ctx, kind, raw ?? []);
    if (items.length === 0) continue;
    const list = await systemList(ctx, kind);
    if (!list) continue;
    const author = describeActor(ctx.actor);
    const inserted = await insertMissingListItems(ctx.db, {
      organizationId: ctx.organizationId,
      listId: list.id,
      items: items.map((value) => ({
        id: generateId("litem"),
        value,
        source: "automatic",
        author,
        expiresAt: null,
      })),
    });
    if (kind === "customer" && inserted > 0)
      await recordListedCustomers(ctx, { id: list.id, action: "block" }, items);
    added += inserted;
  }
  return added;
}

function normalizedValues(ctx: OrgCtx, kind: SystemBlockKind, raw: readonly (string | null | undefined)[]) {
  const values = new Set<string>();
  for (const value of raw) {
    if (!value) continue;
    try {
      values.add(normalizeListValue(kind, value));
    } catch (error) {
      if (!(error instanceof OryloError)) throw error;
      ctx.logger.warn({ kind }, "value not valid for its block list; skipped");
    }
  }
  return [...values];
}

async function systemList(ctx: OrgCtx, kind: SystemBlockKind) {
  const name = SYSTEM_BLOCK_LISTS[kind];
  const existing = await findListByName(ctx.db, ctx.organizationId, name);
  const list =
    existing ??
    (await insertList(ctx.db, {
      id: generateId("list"),
      organizationId: ctx.organizationId,
      name,
      kind,
      action: "block",
      description: "Filled by Orylo from fraud labels and repeated disputes.",
      createdBy: describeActor(ctx.actor),
    })) ??
    // Created concurrently by another event of this organization.
    (await findListByName(ctx.db, ctx.organizationId, name));
  if (list && list.kind !== kind) {
    ctx.logger.warn(
      { name, kind: list.kind, expected: kind },
      "system block list name taken by another kind",
    );
    return undefined;
  }
  return list;
}
