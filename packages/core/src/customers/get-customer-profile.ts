import {
  findCustomerByRef,
  selectListItemsWithValues,
  selectTrustScoreEvents,
  type TrustScoreReason,
} from "@orylo/db";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";

export interface CustomerProfile {
  /** What the detections filter and the lists take: the Stripe customer id, else the customer key. */
  ref: string;
  stripeCustomerId: string | null;
  email: string | null;
  trustScore: number;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Each change of the trust score, oldest first: `score` is the score after it. */
  trustHistory: { at: string; score: number; delta: number; reason: TrustScoreReason }[];
  /** The list items that name this customer (its Stripe id, key or email). */
  listMemberships: { listId: string; listName: string; action: "allow" | "block" | null; value: string }[];
}

/** The values lists may hold for this customer: its Stripe id, its key and its email. */
export function customerListValues(customer: {
  customerKey: string;
  stripeCustomerId: string | null;
  email: string | null;
}): string[] {
  const values = [customer.customerKey, customer.stripeCustomerId, customer.email?.toLowerCase()];
  return [...new Set(values.filter((value): value is string => !!value))];
}

/** The customer page: who, how trusted over time, and which lists name them. Another organization's → 404. */
export async function getCustomerProfile(ctx: OrgCtx, ref: string): Promise<CustomerProfile> {
  const customer = await findCustomerByRef(ctx.db, ctx.organizationId, ref);
  if (!customer) throw new NotFoundError("customer", ref);
  const [events, memberships] = await Promise.all([
    selectTrustScoreEvents(ctx.db, ctx.organizationId, customer.id),
    selectListItemsWithValues(ctx.db, ctx.organizationId, customerListValues(customer)),
  ]);
  return {
    ref: customer.stripeCustomerId ?? customer.customerKey,
    stripeCustomerId: customer.stripeCustomerId,
    email: customer.email,
    trustScore: customer.trustScore,
    firstSeenAt: customer.firstSeenAt.toISOString(),
    lastSeenAt: customer.lastSeenAt.toISOString(),
    trustHistory: events.map((event) => ({
      at: event.createdAt.toISOString(),
      score: event.scoreAfter,
      delta: event.delta,
      reason: event.reason,
    })),
    listMemberships: memberships.map(({ listId, listName, action, value }) => ({
      listId,
      listName,
      action,
      value,
    })),
  };
}
