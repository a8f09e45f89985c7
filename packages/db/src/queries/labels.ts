import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { labels, transactions } from "../schema";

export type LabelRow = typeof labels.$inferSelect;
export type NewLabel = typeof labels.$inferInsert;
export type LabelKind = LabelRow["kind"];
export type LabelSource = LabelRow["source"];

/** What a label needs from its payment: the ids that go on block lists and the customer whose trust moves. */
export async function findLabelTarget(
  db: Executor,
  organizationId: string,
  ref: { chargeId: string } | { idOrChargeId: string },
) {
  const match =
    "chargeId" in ref
      ? eq(transactions.chargeId, ref.chargeId)
      : or(eq(transactions.id, ref.idOrChargeId), eq(transactions.chargeId, ref.idOrChargeId));
  const [row] = await db
    .select({
      id: transactions.id,
      chargeId: transactions.chargeId,
      customerRef: transactions.customerRef,
      customerId: transactions.customerId,
      cardFingerprint: transactions.cardFingerprint,
      email: transactions.email,
      deviceId: transactions.deviceId,
    })
    .from(transactions)
    .where(and(eq(transactions.organizationId, organizationId), match))
    .limit(1);
  return row;
}
export type LabelTarget = NonNullable<Awaited<ReturnType<typeof findLabelTarget>>>;

/** Undefined when this source object is already labelled (a redelivery, or a later event about it). */
export async function insertLabel(db: Executor, row: NewLabel): Promise<LabelRow | undefined> {
  const [inserted] = await db
    .insert(labels)
    .values(row)
    .onConflictDoNothing({ target: [labels.organizationId, labels.source, labels.stripeObjectId] })
    .returning();
  return inserted;
}

/** The merchant's own mark: one per payment, replaced by the next one (and active again if it was cleared). */
export async function upsertMerchantLabel(db: Executor, row: NewLabel): Promise<LabelRow> {
  const [upserted] = await db
    .insert(labels)
    .values({ ...row, source: "merchant" })
    .onConflictDoUpdate({
      target: [labels.organizationId, labels.source, labels.stripeObjectId],
      set: {
        kind: sql`excluded.kind`,
        reason: sql`excluded.reason`,
        transactionId: sql`excluded.transaction_id`,
        createdAt: sql`excluded.created_at`,
        clearedAt: sql`null`,
        clearedBy: sql`null`,
      },
    })
    .returning();
  if (!upserted) throw new Error("label upsert returned no row");
  return upserted;
}

/** Clears the active fraud labels that match; returns how many it cleared. */
export async function clearFraudLabels(
  db: Executor,
  params: {
    organizationId: string;
    match: { source: LabelSource; stripeObjectId: string } | { transactionId: string };
    clearedAt: Date;
    clearedBy: string;
  },
): Promise<number> {
  const { match } = params;
  const which =
    "transactionId" in match
      ? eq(labels.transactionId, match.transactionId)
      : and(eq(labels.source, match.source), eq(labels.stripeObjectId, match.stripeObjectId));
  const cleared = await db
    .update(labels)
    .set({ clearedAt: params.clearedAt, clearedBy: params.clearedBy })
    .where(
      and(
        eq(labels.organizationId, params.organizationId),
        which,
        eq(labels.kind, "fraud"),
        isNull(labels.clearedAt),
      ),
    )
    .returning({ id: labels.id });
  return cleared.length;
}

export async function selectTransactionLabels(db: Executor, organizationId: string, transactionId: string) {
  return db
    .select()
    .from(labels)
    .where(and(eq(labels.organizationId, organizationId), eq(labels.transactionId, transactionId)))
    .orderBy(desc(labels.createdAt), desc(labels.id));
}
