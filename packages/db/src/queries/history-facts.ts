import { and, eq, inArray, isNotNull, lt } from "drizzle-orm";
import type { Executor } from "../client";
import { customers, labels, transactions as t } from "../schema";
import type { LabelSource } from "./labels";

/**
 * The fraud labels of the given sources recorded before `until`, with the entities of the payment each is
 * on (labels of charges we never stored have none and are left out): the streaming evaluator's prior events.
 */
export function selectLabelledPaymentEvents(
  db: Executor,
  params: { organizationId: string; sources: readonly LabelSource[]; until: Date },
) {
  return db
    .select({
      source: labels.source,
      at: labels.createdAt,
      cardFingerprint: t.cardFingerprint,
      ipAddress: t.ipAddress,
      email: t.email,
      customerId: t.customerId,
    })
    .from(labels)
    .innerJoin(t, and(eq(t.id, labels.transactionId), eq(t.organizationId, labels.organizationId)))
    .where(
      and(
        eq(labels.organizationId, params.organizationId),
        eq(labels.kind, "fraud"),
        inArray(labels.source, [...params.sources]),
        lt(labels.createdAt, params.until),
      ),
    );
}

/** Stripe customer id → its `customer.created` time, for the customers whose creation we know. */
export async function selectCustomerCreationTimes(
  db: Executor,
  organizationId: string,
): Promise<Map<string, Date>> {
  const rows = await db
    .select({ stripeCustomerId: customers.stripeCustomerId, createdAt: customers.stripeCreatedAt })
    .from(customers)
    .where(
      and(
        eq(customers.organizationId, organizationId),
        isNotNull(customers.stripeCustomerId),
        isNotNull(customers.stripeCreatedAt),
      ),
    );
  return new Map(rows.map((row) => [row.stripeCustomerId!, row.createdAt!]));
}
