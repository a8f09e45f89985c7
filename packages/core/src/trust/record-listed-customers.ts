import { findCustomerByKey, type ListAction } from "@orylo/db";
import type { OrgCtx } from "../context";
import { recordCustomerBlocked, recordCustomerWhitelisted } from "./adjust-trust-score";

/**
 * Customers (Stripe customer ids) just put on an allow or block list: an allow list whitelists them (trust
 * 90), a block list costs them 10, once per list. A customer Orylo has not seen yet has no score to change.
 */
export async function recordListedCustomers(
  ctx: OrgCtx,
  list: { id: string; action: ListAction },
  customerIds: readonly string[],
): Promise<void> {
  for (const customerKey of customerIds) {
    const customer = await findCustomerByKey(ctx.db, ctx.organizationId, customerKey);
    if (!customer) continue;
    if (list.action === "allow") await recordCustomerWhitelisted(ctx, customer.id);
    else await recordCustomerBlocked(ctx, customer.id, `block_list:${list.id}`);
  }
}
