import { and, asc, count, eq, gt, inArray, isNotNull, lte, notExists, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { customers, labels, transactions, trustScoreEvents } from "../schema";

export type TrustScoreEventRow = typeof trustScoreEvents.$inferSelect;
export type TrustScoreReason = TrustScoreEventRow["reason"];

/** The customer's score, row-locked until the transaction ends so concurrent adjustments apply in turn. */
export async function lockCustomerTrustScore(db: Executor, organizationId: string, customerId: string) {
  const [row] = await db
    .select({ trustScore: customers.trustScore })
    .from(customers)
    .where(and(eq(customers.organizationId, organizationId), eq(customers.id, customerId)))
    .for("update");
  return row?.trustScore;
}

/** Undefined when an event with the same dedupe key was already recorded (its cause was seen before). */
export async function insertTrustScoreEvent(db: Executor, row: typeof trustScoreEvents.$inferInsert) {
  const [inserted] = await db
    .insert(trustScoreEvents)
    .values(row)
    .onConflictDoNothing({
      target: [trustScoreEvents.organizationId, trustScoreEvents.customerId, trustScoreEvents.dedupeKey],
    })
    .returning();
  return inserted;
}

export async function setCustomerTrustScore(
  db: Executor,
  params: { organizationId: string; customerId: string; trustScore: number },
): Promise<void> {
  await db
    .update(customers)
    .set({ trustScore: params.trustScore })
    .where(and(eq(customers.organizationId, params.organizationId), eq(customers.id, params.customerId)));
}

export async function selectTrustScoreEvents(db: Executor, organizationId: string, customerId: string) {
  return db
    .select()
    .from(trustScoreEvents)
    .where(
      and(eq(trustScoreEvents.organizationId, organizationId), eq(trustScoreEvents.customerId, customerId)),
    )
    .orderBy(asc(trustScoreEvents.createdAt), asc(trustScoreEvents.id));
}

/** How many recorded events of this reason the customer has (each dispute is recorded once). */
export async function countTrustScoreEvents(
  db: Executor,
  params: { organizationId: string; customerId: string; reason: TrustScoreReason },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(trustScoreEvents)
    .where(
      and(
        eq(trustScoreEvents.organizationId, params.organizationId),
        eq(trustScoreEvents.customerId, params.customerId),
        eq(trustScoreEvents.reason, params.reason),
      ),
    );
  return row?.n ?? 0;
}

/** The card fingerprints of the customer's payments that drew an event of this reason (its disputed cards). */
export async function selectCardsWithTrustEvents(
  db: Executor,
  params: { organizationId: string; customerId: string; reason: TrustScoreReason },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ card: transactions.cardFingerprint })
    .from(trustScoreEvents)
    .innerJoin(transactions, eq(transactions.id, trustScoreEvents.transactionId))
    .where(
      and(
        eq(trustScoreEvents.organizationId, params.organizationId),
        eq(trustScoreEvents.customerId, params.customerId),
        eq(trustScoreEvents.reason, params.reason),
        isNotNull(transactions.cardFingerprint),
      ),
    );
  return rows.flatMap((row) => (row.card ? [row.card] : []));
}

/** `not exists (select 1 from table where …)`. */
function noRow(db: Executor, table: typeof labels | typeof trustScoreEvents, where: SQL | undefined) {
  return notExists(db.select({ one: sql`1` }).from(table).where(where));
}

/**
 * What makes a payment settled: succeeded, captured, nothing refunded, no fraud label (even cleared) and no
 * dispute or early fraud warning recorded against it.
 */
export function settledPaymentConditions(db: Executor, t: typeof transactions) {
  return [
    eq(t.status, "succeeded"),
    eq(t.captured, true),
    eq(t.amountRefunded, 0),
    noRow(
      db,
      labels,
      and(
        eq(labels.organizationId, t.organizationId),
        eq(labels.transactionId, t.id),
        eq(labels.kind, "fraud"),
      ),
    ),
    noRow(
      db,
      trustScoreEvents,
      and(
        eq(trustScoreEvents.organizationId, t.organizationId),
        eq(trustScoreEvents.transactionId, t.id),
        inArray(trustScoreEvents.reason, ["dispute", "early_fraud_warning"]),
      ),
    ),
  ];
}

/**
 * The (customer, settlement day) pairs not credited yet: payments made in `(from, to]` that settled, grouped by
 * the UTC day they settled (`settlementDays` after they were made), each with its latest such payment, oldest
 * day first, without those whose trust event `<dedupeKeyPrefix><day>` already exists.
 */
export async function selectUncreditedSettlements(
  db: Executor,
  params: { organizationId: string; from: Date; to: Date; settlementDays: number; dedupeKeyPrefix: string },
): Promise<{ customerId: string; day: string; transactionId: string }[]> {
  const t = transactions;
  // Inlined, not bound: GROUP BY must see the same expression as the select list, and a parameter is not.
  const interval = sql.raw(`interval '${Math.trunc(params.settlementDays)} days'`);
  const day = sql<string>`to_char((${t.createdAt} + ${interval}) at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({ customerId: t.customerRef, day, transactionId: sql<string>`max(${t.id})` })
    .from(t)
    .where(
      and(
        eq(t.organizationId, params.organizationId),
        gt(t.createdAt, params.from),
        lte(t.createdAt, params.to),
        isNotNull(t.customerRef),
        ...settledPaymentConditions(db, t),
        noRow(
          db,
          trustScoreEvents,
          and(
            eq(trustScoreEvents.organizationId, t.organizationId),
            eq(trustScoreEvents.customerId, t.customerRef),
            eq(trustScoreEvents.dedupeKey, sql`${params.dedupeKeyPrefix} || ${day}`),
          ),
        ),
      ),
    )
    .groupBy(t.customerRef, day)
    .orderBy(day);
  return rows.flatMap((row) =>
    row.customerId ? [{ customerId: row.customerId, day: row.day, transactionId: row.transactionId }] : [],
  );
}
