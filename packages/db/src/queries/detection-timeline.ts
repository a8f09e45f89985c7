import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { customers, labels, transactions } from "../schema";

/** Every label of a payment, cleared ones included (the timeline shows both). */
export async function selectTransactionLabelHistory(
  db: Executor,
  organizationId: string,
  transactionId: string,
) {
  return db
    .select({
      kind: labels.kind,
      source: labels.source,
      reason: labels.reason,
      createdAt: labels.createdAt,
      clearedAt: labels.clearedAt,
      clearedBy: labels.clearedBy,
    })
    .from(labels)
    .where(and(eq(labels.organizationId, organizationId), eq(labels.transactionId, transactionId)))
    .orderBy(asc(labels.createdAt));
}

/** The customer who made a payment, with the trust score the dashboard shows. */
export async function findTransactionCustomer(db: Executor, organizationId: string, transactionId: string) {
  const [row] = await db
    .select({
      id: customers.id,
      stripeCustomerId: customers.stripeCustomerId,
      trustScore: customers.trustScore,
    })
    .from(transactions)
    .innerJoin(customers, eq(customers.id, transactions.customerRef))
    .where(and(eq(transactions.organizationId, organizationId), eq(transactions.id, transactionId)));
  return row;
}
