import { findCustomerByRef } from "@orylo/db";
import { auditListAdditions } from "../audit/audit-list-additions";
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
  const values = await customerOf(ctx, ref);
  return ctx.db.transaction(async (tx) => {
    const added = await addToSystemBlockLists({ ...ctx, db: tx }, values, "manual");
    await auditListAdditions(ctx, "customer.blocked", { type: "customer", id: ref }, added, tx);
    return added;
  });
}

/** From the customer page: the customer and its email go on the allow lists (undo as for a block). */
export async function trustCustomer(ctx: OrgCtx, ref: string): Promise<AddedListItem[]> {
  const values = await customerOf(ctx, ref);
  return ctx.db.transaction(async (tx) => {
    const added = await addToSystemLists({ ...ctx, db: tx }, ALLOW_FAMILY, values, "manual");
    await auditListAdditions(ctx, "customer.trusted", { type: "customer", id: ref }, added, tx);
    return added;
  });
}
