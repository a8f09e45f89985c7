import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { customers, labels, stripeEvents, transactions } from "../schema";

/**
 * The Stripe events about one payment: the one that produced the detection, and every event whose object
 * is the charge or points at it (refunds, disputes, warnings carry `charge`). It reads the organization's
 * events through the (organization, receivedAt) index, newest 500 only, so a long history stays cheap.
 */
export async function selectChargeEvents(
  db: Executor,
  organizationId: string,
  { chargeId, detectionId }: { chargeId: string | null; detectionId: string },
) {
  const recent = db
    .select({
      id: stripeEvents.id,
      type: stripeEvents.type,
      status: stripeEvents.status,
      at: stripeEvents.stripeCreatedAt,
      detectionId: stripeEvents.detectionId,
      payload: stripeEvents.payload,
    })
    .from(stripeEvents)
    .where(eq(stripeEvents.organizationId, organizationId))
    .orderBy(desc(stripeEvents.receivedAt))
    .limit(500)
    .as("recent");
  return db
    .select({ id: recent.id, type: recent.type, status: recent.status, at: recent.at })
    .from(recent)
    .where(
      or(
        eq(recent.detectionId, detectionId),
        chargeId ? sql`${recent.payload} #>> '{data,object,id}' = ${chargeId}` : undefined,
        chargeId ? sql`${recent.payload} #>> '{data,object,charge}' = ${chargeId}` : undefined,
      ),
    )
    .orderBy(asc(recent.at));
}

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
