import { findListByName, insertList, insertMissingListItems, type ListAction } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { requestRadarMirror } from "../actions/request-actions";
import { describeActor, type OrgCtx } from "../context";
import { OryloError } from "../errors";
import type { ListItemSource, ListKind } from "../lists/list-schemas";
import { normalizeListValue } from "../lists/normalize-list-value";
import { recordListedCustomers } from "../trust/record-listed-customers";

/**
 * The block lists Orylo fills itself (source `automatic`) or from accepted suggestions; rules read them as
 * `@blocked_cards` and so on.
 */
export const SYSTEM_BLOCK_LISTS = {
  card_fingerprint: "blocked_cards",
  email: "blocked_emails",
  device_id: "blocked_devices",
  customer: "blocked_customers",
  ip_address: "blocked_ips",
} as const satisfies Partial<Record<ListKind, string>>;
export type SystemBlockKind = keyof typeof SYSTEM_BLOCK_LISTS;

/** A family of system lists: their names by kind, and what a new one says about itself. */
export interface SystemListFamily {
  names: Partial<Record<ListKind, string>>;
  /** Whether the family's lists block or allow the payments they match, ahead of rules. */
  action: ListAction;
  description: string;
}
export const BLOCK_FAMILY: SystemListFamily = {
  names: SYSTEM_BLOCK_LISTS,
  action: "block",
  description:
    "Filled by Orylo from fraud labels, repeated disputes, the merchant's blocks and accepted suggestions.",
};
/** What a merchant's whitelisting fills; rules read them as `@allowed_customers`, `@allowed_emails`. */
export const ALLOW_FAMILY: SystemListFamily = {
  names: { email: "allowed_emails", customer: "allowed_customers" },
  action: "allow",
  description: "Customers the merchant chose to trust.",
};

export type BlockValues = Partial<Record<SystemBlockKind, readonly (string | null | undefined)[]>>;
export type AddedListItem = { listId: string; value: string };

/**
 * Puts values on the organization's system block lists, creating a list the first time. A value already
 * listed (by the merchant or earlier) is left as it is; a value that is not valid for its kind, or a list of
 * that name the merchant made for another kind, is skipped and logged: a label must never fail its webhook.
 */
export function addToSystemBlockLists(
  ctx: OrgCtx,
  values: BlockValues,
  source: "automatic" | "manual" = "automatic",
): Promise<AddedListItem[]> {
  return addToSystemLists(ctx, BLOCK_FAMILY, values, source);
}

/**
 * Puts values on system lists of the given names (created the first time), until `expiresAt` when given;
 * returns the items it added, so a merchant's action can be undone exactly (values already listed are not
 * the action's to remove).
 */
export async function addToSystemLists(
  ctx: OrgCtx,
  family: SystemListFamily,
  values: Partial<Record<ListKind, readonly (string | null | undefined)[]>>,
  source: ListItemSource,
  { expiresAt = null }: { expiresAt?: Date | null } = {},
): Promise<AddedListItem[]> {
  const added: AddedListItem[] = [];
  for (const [kind, raw] of Object.entries(values) as [ListKind, readonly (string | null | undefined)[]][]) {
    const name = family.names[kind];
    const items = normalizedValues(ctx, kind, raw ?? []);
    if (!name || items.length === 0) continue;
    const list = await systemList(ctx, {
      name,
      kind,
      action: family.action,
      description: family.description,
    });
    if (!list) continue;
    const author = describeActor(ctx.actor);
    const inserted = await insertMissingListItems(ctx.db, {
      organizationId: ctx.organizationId,
      listId: list.id,
      items: items.map((value) => ({
        id: generateId("litem"),
        value,
        source,
        author,
        expiresAt,
      })),
    });
    if (kind === "customer" && inserted.length > 0)
      await recordListedCustomers(ctx, { id: list.id, action: family.action }, items, source);
    await requestRadarMirror(ctx, list, "add", inserted);
    added.push(...inserted.map(({ listId, value }) => ({ listId, value })));
  }
  return added;
}

function normalizedValues(ctx: OrgCtx, kind: ListKind, raw: readonly (string | null | undefined)[]) {
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

async function systemList(
  ctx: OrgCtx,
  {
    name,
    kind,
    action,
    description,
  }: { name: string; kind: ListKind; action: ListAction; description: string },
) {
  const existing = await findListByName(ctx.db, ctx.organizationId, name);
  const list =
    existing ??
    (await insertList(ctx.db, {
      id: generateId("list"),
      organizationId: ctx.organizationId,
      name,
      kind,
      action,
      description,
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
