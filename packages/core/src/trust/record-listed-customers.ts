import { findCustomerByKey, type ListAction } from "@orylo/db";
import { type ListingOrigin, track } from "@orylo/platform";
import type { OrgCtx } from "../context";
import type { ListItemSource } from "../lists/list-schemas";
import { recordCustomerBlocked, recordCustomerWhitelisted } from "./adjust-trust-score";

const ORIGIN: Record<ListItemSource, ListingOrigin> = {
  manual: "merchant",
  suggestion: "suggestion",
  automatic: "automatic",
};

/**
 * Customers (Stripe customer ids) just put on an allow or block list: an allow list whitelists them (trust
 * 90), a block list costs them 10, once per list, and `customer_whitelisted` / `customer_blocked` is tracked
 * with where the listing came from. A customer Orylo has not seen yet has no score to change.
 */
export async function recordListedCustomers(
  ctx: OrgCtx,
  list: { id: string; action: ListAction },
  customerIds: readonly string[],
  source: ListItemSource,
): Promise<void> {
  for (const customerKey of customerIds) {
    const customer = await findCustomerByKey(ctx.db, ctx.organizationId, customerKey);
    if (!customer) continue;
    if (list.action === "allow") await recordCustomerWhitelisted(ctx, customer.id);
    else await recordCustomerBlocked(ctx, customer.id, `block_list:${list.id}`);
    track(ctx, list.action === "allow" ? "customer_whitelisted" : "customer_blocked", {
      origin: ORIGIN[source],
    });
  }
}
