import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { customers, paymentIntents, transactions } from "../schema";
import {
  compiledStatement,
  compiledStatementsByShape,
  definedKeys,
  placeholderRow,
  prefixedValues,
} from "./compiled-statement";

export type NewTransaction = typeof transactions.$inferInsert;
export type PaymentIntentRow = typeof paymentIntents.$inferSelect;
type NewCustomer = typeof customers.$inferInsert;

export async function findPaymentIntent(db: Executor, organizationId: string, paymentIntentId: string) {
  const [row] = await db
    .select()
    .from(paymentIntents)
    .where(
      and(
        eq(paymentIntents.organizationId, organizationId),
        eq(paymentIntents.paymentIntentId, paymentIntentId),
      ),
    );
  return row;
}

/** Creates or updates the pending record; metadata merges so keys set at creation survive later events. */
export async function upsertPaymentIntent(
  db: Executor,
  row: typeof paymentIntents.$inferInsert,
): Promise<void> {
  await db
    .insert(paymentIntents)
    .values(row)
    .onConflictDoUpdate({
      target: [paymentIntents.organizationId, paymentIntents.paymentIntentId],
      set: {
        customerId: sql`coalesce(excluded.customer_id, ${paymentIntents.customerId})`,
        amount: sql`excluded.amount`,
        currency: sql`excluded.currency`,
        status: sql`excluded.status`,
        metadata: sql`${paymentIntents.metadata} || excluded.metadata`,
        updatedAt: sql`now()`,
      },
    });
}

export async function findTransactionByCharge(db: Executor, organizationId: string, chargeId: string) {
  const [row] = await db
    .select({ id: transactions.id, ingestSeq: transactions.ingestSeq })
    .from(transactions)
    .where(and(eq(transactions.organizationId, organizationId), eq(transactions.chargeId, chargeId)));
  return row;
}

/** Inserts the charge; returns nothing when it was already stored (charges are scored once). */
/**
 * Inserts a charge (nothing when it is already stored). With `customer`, the customer is created or refreshed
 * by the same statement and becomes the charge's `customerRef`: one round trip on the webhook path.
 */
export async function insertTransaction(db: Executor, row: NewTransaction, customer?: NewCustomer) {
  const shape = { row: definedKeys(row), customer: customer ? definedKeys(customer) : null };
  const values = { ...prefixedValues(row, "t_"), ...(customer ? prefixedValues(customer, "c_") : {}) };
  const [inserted] = await insertTransactionStatement(db, shape, values);
  return inserted;
}

const insertTransactionStatement = compiledStatementsByShape(
  "orylo_insert_transaction",
  (shape: { row: string[]; customer: string[] | null }) => `${shape.row}|${shape.customer ?? "-"}`,
  (db, shape) => {
    const returning = { id: transactions.id, ingestSeq: transactions.ingestSeq };
    const target = [transactions.organizationId, transactions.chargeId];
    const row = placeholderRow(shape.row, "t_") as unknown as NewTransaction;
    if (!shape.customer) {
      return db.insert(transactions).values(row).onConflictDoNothing({ target }).returning(returning);
    }
    const customer = placeholderRow(shape.customer, "c_") as unknown as NewCustomer;
    const upserted = db.$with("upserted_customer").as(customerUpsert(db, customer));
    return db
      .with(upserted)
      .insert(transactions)
      .values({ ...row, customerRef: sql`(select ${upserted.id} from ${upserted})` })
      .onConflictDoNothing({ target })
      .returning(returning);
  },
);

/**
 * What storing a charge needs to know first, in one round trip: its PaymentIntent's pending record (metadata,
 * pre-payment evaluation) and the email already known for its Stripe customer. A null key looks nothing up.
 */
export async function findChargeContext(
  db: Executor,
  organizationId: string,
  keys: { paymentIntentId: string | null; customerKey: string | null },
) {
  const [row] = await selectChargeContext(db, { organizationId, ...keys });
  return {
    paymentIntentMetadata: row?.paymentIntentMetadata ?? {},
    evaluationDetectionId: row?.evaluationDetectionId ?? null,
    customerEmail: row?.customerEmail ?? null,
  };
}

const selectChargeContext = compiledStatement("orylo_charge_context", (db) =>
  db
    .select({
      paymentIntentMetadata: paymentIntents.metadata,
      evaluationDetectionId: paymentIntents.evaluationDetectionId,
      customerEmail: customers.email,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(
      paymentIntents,
      and(
        eq(paymentIntents.organizationId, sql.placeholder("organizationId")),
        eq(paymentIntents.paymentIntentId, sql`${sql.placeholder("paymentIntentId")}`),
      ),
    )
    .leftJoin(
      customers,
      and(
        eq(customers.organizationId, sql.placeholder("organizationId")),
        eq(customers.customerKey, sql`${sql.placeholder("customerKey")}`),
      ),
    ),
);

/** Later events about a stored charge move its state forward (capture, failure, outcome), never its history. */
export async function updateTransactionState(
  db: Executor,
  organizationId: string,
  chargeId: string,
  state: Pick<NewTransaction, "status" | "captured" | "amountRefunded" | "outcomeType" | "networkStatus">,
): Promise<void> {
  await db
    .update(transactions)
    .set({ ...state, updatedAt: new Date() })
    .where(and(eq(transactions.organizationId, organizationId), eq(transactions.chargeId, chargeId)));
}

export async function findCustomerByKey(db: Executor, organizationId: string, customerKey: string) {
  const [row] = await db
    .select({ id: customers.id, email: customers.email, trustScore: customers.trustScore })
    .from(customers)
    .where(and(eq(customers.organizationId, organizationId), eq(customers.customerKey, customerKey)));
  return row;
}

/** Creates the customer or refreshes what we know; returns its id. */
export async function upsertCustomer(
  db: Executor,
  row: NewCustomer,
): Promise<{ id: string; trustScore: number }> {
  const [upserted] = await customerUpsert(db, row);
  if (!upserted) throw new Error("customer upsert returned no row");
  return upserted;
}

/** The statement of `upsertCustomer`, unsent: `insertTransaction` runs it with the charge's insert. */
function customerUpsert(db: Executor, row: NewCustomer) {
  return db
    .insert(customers)
    .values(row)
    .onConflictDoUpdate({
      target: [customers.organizationId, customers.customerKey],
      set: {
        email: sql`coalesce(excluded.email, ${customers.email})`,
        name: sql`coalesce(excluded.name, ${customers.name})`,
        stripeCreatedAt: sql`coalesce(excluded.stripe_created_at, ${customers.stripeCreatedAt})`,
        firstSeenAt: sql`least(excluded.first_seen_at, ${customers.firstSeenAt})`,
        lastSeenAt: sql`greatest(excluded.last_seen_at, ${customers.lastSeenAt})`,
        deletedAt: sql`excluded.deleted_at`,
      },
    })
    .returning({ id: customers.id, trustScore: customers.trustScore });
}

/**
 * Links a pre-payment evaluation to its PaymentIntent, creating the pending record if no PaymentIntent event
 * came yet, so the charge is linked to that detection instead of being scored again. A later evaluation of
 * the same PaymentIntent replaces the link; PaymentIntent events never touch it.
 */
export async function linkPaymentIntentEvaluation(
  db: Executor,
  row: typeof paymentIntents.$inferInsert & { evaluationDetectionId: string },
): Promise<void> {
  await db
    .insert(paymentIntents)
    .values(row)
    .onConflictDoUpdate({
      target: [paymentIntents.organizationId, paymentIntents.paymentIntentId],
      set: {
        customerId: sql`coalesce(${paymentIntents.customerId}, excluded.customer_id)`,
        evaluationDetectionId: sql`excluded.evaluation_detection_id`,
        updatedAt: sql`now()`,
      },
    });
}
