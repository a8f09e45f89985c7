import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { type AGED_TABLES, PAYMENT_DEPENDENT_TABLES, PERSONAL_DATA, type TableEntry } from "../personal-data";
import { givenValues, paymentValues, treatment } from "./personal-data-treatment";
import { rowsOf, textArray } from "./raw-sql";

export interface RetentionBatch {
  organizationId: string;
  /** Rows dated before this lose their personal data. */
  before: Date;
  limit: number;
}

/**
 * Pseudonymizes up to `limit` payments older than `before` that still hold personal data, after redacting
 * their values from the rows that follow them (detection traces, label reasons). The payments themselves
 * stay: disputes still match them (SPEC §F). Returns the rows changed per table.
 */
export async function expirePaymentBatch(
  db: Executor,
  batch: RetentionBatch,
): Promise<Record<string, number>> {
  const payments = treatment("transactions", givenValues([]));
  if (!payments) return {};
  const ids = rowsOf<{ id: string }>(
    await db.execute(sql`select id from transactions
        where organization_id = ${batch.organizationId} and created_at < ${batch.before} and (${payments.pending})
        order by created_at limit ${batch.limit}`),
  ).map((row) => row.id);
  if (!ids.length) return { transactions: 0 };
  const idArray = textArray(ids);
  const changed: Record<string, number> = {};
  for (const table of PAYMENT_DEPENDENT_TABLES) {
    const link = (PERSONAL_DATA[table] as TableEntry).link;
    const change = treatment(table, paymentValues);
    if (!change || link.by === "none") continue;
    const name = sql.identifier(table);
    changed[table] = rowsOf(
      await db.execute(sql`update ${name} set ${change.set} from transactions
        where ${name}.organization_id = ${batch.organizationId}
          and ${name}.${sql.identifier(link.column)} = transactions.id
          and transactions.id = any(${idArray}) and (${change.pending}) returning 1`),
    ).length;
  }
  changed.transactions = rowsOf(
    await db.execute(sql`update transactions set ${payments.set}
      where organization_id = ${batch.organizationId} and id = any(${idArray}) returning 1`),
  ).length;
  return changed;
}

/** Expires up to `limit` rows of one aged table (customers, PaymentIntents, raw Stripe events); returns the count. */
export async function expireAgedBatch(
  db: Executor,
  table: (typeof AGED_TABLES)[number],
  batch: RetentionBatch,
): Promise<number> {
  const entry: TableEntry = PERSONAL_DATA[table];
  const change = treatment(table, givenValues([]));
  if (!change || !entry.agedBy) return 0;
  const name = sql.identifier(table);
  return rowsOf(
    await db.execute(sql`update ${name} set ${change.set} where ctid in (
      select ctid from ${name}
      where organization_id = ${batch.organizationId} and ${sql.identifier(entry.agedBy)} < ${batch.before}
        and (${change.pending})
      limit ${batch.limit})
      returning 1`),
  ).length;
}
