import { findCustomerByRef } from "@orylo/db";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import {
  type AddedListItem,
  ALLOW_FAMILY,
  addToSystemBlockLists,
  addToSystemLists,
} from "../labels/system-block-lists";

async function customerOf(ctx: OrgCtx, ref: string) {
  const customer = await findCustomerByRef(ctx.db, ctx.organizationId, ref);
  if (!customer) throw new NotFoundError("customer", ref);
  return { customer: [customer.stripeCustomerId ?? customer.customerKey], email: [customer.email] };
}

/**
 * From the customer page: the customer and its email go on the block lists. Returns what was added (values
 * already listed are left out), which is exactly what an undo removes.
 */
export async function blockCustomer(ctx: OrgCtx, ref: string): Promise<AddedListItem[]> {
  return addToSystemBlockLists(ctx, await customerOf(ctx, ref), "manual");
}

/** From the customer page: the customer and its email go on the allow lists (undo as for a block). */
export async function trustCustomer(ctx: OrgCtx, ref: string): Promise<AddedListItem[]> {
  return addToSystemLists(ctx, ALLOW_FAMILY, await customerOf(ctx, ref), "manual");
}
