import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { customers } from "../schema";

/** The organization's customers, least trusted first, then most recently seen. */
export async function selectCustomersByTrust(db: Executor, organizationId: string, limit: number) {
  return db
    .select({
      id: customers.id,
      customerKey: customers.customerKey,
      stripeCustomerId: customers.stripeCustomerId,
      trustScore: customers.trustScore,
      lastSeenAt: customers.lastSeenAt,
    })
    .from(customers)
    .where(and(eq(customers.organizationId, organizationId), isNull(customers.deletedAt)))
    .orderBy(asc(customers.trustScore), desc(customers.lastSeenAt))
    .limit(limit);
}
