import type { ListKind } from "@orylo/db";
import type Stripe from "stripe";
import { z } from "zod";

/** Radar value list item types Orylo mirrors into (Stripe's `item_type`). */
export type RadarItemType =
  | "card_fingerprint"
  | "card_bin"
  | "email"
  | "ip_address"
  | "customer_id"
  | "country";

/** The list kinds Radar has a value list type for; other kinds are not mirrored. */
export const RADAR_ITEM_TYPE: Partial<Record<ListKind, RadarItemType>> = {
  card_fingerprint: "card_fingerprint",
  card_bin: "card_bin",
  email: "email",
  ip_address: "ip_address",
  customer: "customer_id",
  country: "country",
};

/** One value in the Radar value list that mirrors an Orylo list. */
export interface RadarItem {
  /** `orylo_<list name>`: what Radar rules write as `@alias`. */
  alias: string;
  name: string;
  itemType: RadarItemType;
  value: string;
}

const AlreadyExists = z.object({ code: z.literal("resource_already_exists") });

/** Reads and deletes carry only the connected account: Stripe keys idempotency on POSTs alone. */
function readOptions(options: Stripe.RequestOptions): Stripe.RequestOptions {
  return options.stripeAccount ? { stripeAccount: options.stripeAccount } : {};
}

async function findValueList(stripe: Stripe, alias: string, options: Stripe.RequestOptions) {
  const found = await stripe.radar.valueLists.list({ alias, limit: 1 }, options);
  return found.data[0] ?? null;
}

/** The list by its alias, created on first use; a concurrent creation (alias taken) is read back. */
async function ensureValueList(stripe: Stripe, item: RadarItem, options: Stripe.RequestOptions) {
  const read = readOptions(options);
  const existing = await findValueList(stripe, item.alias, read);
  if (existing) return existing;
  try {
    return await stripe.radar.valueLists.create(
      { alias: item.alias, name: item.name, item_type: item.itemType, metadata: { orylo: "mirror" } },
      { ...read, idempotencyKey: `${options.idempotencyKey}-list` },
    );
  } catch (error) {
    const raced = AlreadyExists.safeParse(error).success && (await findValueList(stripe, item.alias, read));
    if (raced) return raced;
    throw error;
  }
}

/** Adds the value; a value already in the list (put there by hand in Stripe) counts as added. */
export async function addRadarItem(
  stripe: Stripe,
  item: RadarItem,
  options: Stripe.RequestOptions,
): Promise<Record<string, string>> {
  const list = await ensureValueList(stripe, item, options);
  try {
    const created = await stripe.radar.valueListItems.create(
      { value_list: list.id, value: item.value },
      options,
    );
    return { valueListId: list.id, valueListItemId: created.id, requestId: created.lastResponse.requestId };
  } catch (error) {
    if (AlreadyExists.safeParse(error).success) return { valueListId: list.id };
    throw error;
  }
}

/** Deletes the value from the list; a list or value Radar does not have leaves nothing to do. */
export async function removeRadarItem(
  stripe: Stripe,
  item: RadarItem,
  options: Stripe.RequestOptions,
): Promise<Record<string, string>> {
  const read = readOptions(options);
  const list = await findValueList(stripe, item.alias, read);
  if (!list) return {};
  const found = await stripe.radar.valueListItems.list({ value_list: list.id, value: item.value }, read);
  const deleted: Record<string, string> = { valueListId: list.id };
  for (const listed of found.data) {
    const answer = await stripe.radar.valueListItems.del(listed.id, {}, read);
    deleted.valueListItemId = answer.id;
  }
  return deleted;
}
