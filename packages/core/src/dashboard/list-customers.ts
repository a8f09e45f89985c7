import { selectCustomersByTrust } from "@orylo/db";
import type { OrgCtx } from "../context";

export interface CustomerListItem {
  /** What the detections filter takes: the Stripe customer id, else the customer key. */
  ref: string;
  stripeCustomerId: string | null;
  trustScore: number;
  lastSeenAt: string;
}

/** The customers page: least trusted first (no email: the list is shown to every role). */
export async function listCustomersByTrust(ctx: OrgCtx, limit = 100): Promise<CustomerListItem[]> {
  const rows = await selectCustomersByTrust(ctx.db, ctx.organizationId, limit);
  return rows.map((row) => ({
    ref: row.stripeCustomerId ?? row.customerKey,
    stripeCustomerId: row.stripeCustomerId,
    trustScore: row.trustScore,
    lastSeenAt: row.lastSeenAt.toISOString(),
  }));
}
