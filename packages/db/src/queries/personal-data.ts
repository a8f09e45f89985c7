import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  CUSTOMER_TABLES,
  PERSONAL_DATA,
  type PersonalColumn,
  type PersonalDataKind,
  type PersonalDataTable,
  type TableEntry,
} from "../personal-data";
import { givenValues, PSEUDONYM_PREFIX, treatment, VALUE_KINDS } from "./personal-data-treatment";
import { rowsOf, textArray } from "./raw-sql";

/** One customer of one organization, as erasure and export find their rows. */
export interface DataSubject {
  organizationId: string;
  customerRowId: string;
  customerKey: string;
  stripeCustomerId: string | null;
  transactionIds: string[];
  detectionIds: string[];
  /** Ids that name the customer's objects in payloads: Stripe customer, charges, PaymentIntents, our rows. */
  ids: string[];
  /** The person's own values as stored (emails, names, IPs, devices…), pseudonyms excluded. */
  values: string[];
}

/** Kinds that identify one person alone; an IP or a device may be shared, so it never locates a row. */
const LOCATING_KINDS: readonly PersonalDataKind[] = ["email", "name"];

function valueColumns(table: "customers" | "transactions", kinds: readonly PersonalDataKind[]) {
  const personal: readonly PersonalColumn[] = PERSONAL_DATA[table].personal;
  return personal.filter((column) => kinds.includes(column.kind)).map((column) => column.column);
}

function isOwnValue(value: unknown): value is string {
  return typeof value === "string" && value.length >= 3 && !value.startsWith(PSEUDONYM_PREFIX);
}

/** The customer whose Stripe customer id, customer key or row id is `id`, with everything that finds its rows. */
export async function selectDataSubject(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<(DataSubject & { locating: string[] }) | null> {
  const customerColumns = valueColumns("customers", VALUE_KINDS);
  const [customer] = rowsOf<Record<string, string | null>>(
    await db.execute(sql`
      select id, customer_key, stripe_customer_id, ${sql.join(
        customerColumns.map((column) => sql.identifier(column)),
        sql`, `,
      )}
      from customers where organization_id = ${organizationId} and (customer_key = ${id} or id = ${id})
      limit 1`),
  );
  if (!customer) return null;
  const transactionColumns = valueColumns("transactions", VALUE_KINDS);
  const transactions = rowsOf<Record<string, string | null>>(
    await db.execute(sql`
      select id, charge_id, payment_intent_id, ${sql.join(
        transactionColumns.map((column) => sql.identifier(column)),
        sql`, `,
      )}
      from transactions where organization_id = ${organizationId} and customer_ref = ${customer.id}`),
  );
  const transactionIds = transactions.map((row) => row.id as string);
  const detectionIds = rowsOf<{ id: string }>(
    await db.execute(sql`select id from detections
      where organization_id = ${organizationId} and transaction_id = any(${textArray(transactionIds)})`),
  ).map((row) => row.id);
  const pick = (rows: Record<string, string | null>[], columns: string[]) =>
    rows.flatMap((row) => columns.map((column) => row[column])).filter(isOwnValue);
  const values = [
    ...new Set([...pick([customer], customerColumns), ...pick(transactions, transactionColumns)]),
  ];
  const locatingValues = new Set([
    ...pick([customer], valueColumns("customers", LOCATING_KINDS)),
    ...pick(transactions, valueColumns("transactions", LOCATING_KINDS)),
  ]);
  const ids = [
    ...new Set(
      [
        customer.stripe_customer_id,
        ...transactions.flatMap((row) => [row.charge_id, row.payment_intent_id]),
        ...transactionIds,
        ...detectionIds,
      ].filter((value): value is string => typeof value === "string" && value.length > 0),
    ),
  ];
  return {
    organizationId,
    customerRowId: customer.id as string,
    customerKey: customer.customer_key as string,
    stripeCustomerId: customer.stripe_customer_id ?? null,
    transactionIds,
    detectionIds,
    ids,
    values,
    locating: [...ids, ...locatingValues],
  };
}

type LocatableSubject = DataSubject & { locating: string[] };

/** Which rows of `table` belong to the subject, as its registry entry links them. */
function linkPredicate(entry: TableEntry, subject: LocatableSubject): SQL {
  const { link } = entry;
  if (link.by === "none") return sql`false`;
  const column = sql.identifier(link.column);
  switch (link.by) {
    case "customer":
      return sql`${column} = ${subject.customerRowId}`;
    case "stripe_customer":
      return subject.stripeCustomerId ? sql`${column} = ${subject.stripeCustomerId}` : sql`false`;
    case "transaction":
      return sql`${column} = any(${textArray(subject.transactionIds)})`;
    case "detection":
      return sql`${column} = any(${textArray(subject.detectionIds)})`;
    case "value":
      return sql`${column} = any(${textArray([...subject.values, subject.customerKey])})`;
    case "mentions":
      return sql`exists (select 1 from jsonb_array_elements_text(${JSON.stringify(subject.locating)}::jsonb) token
        where strpos(${column}::text, token) > 0)`;
  }
}

function scoped(table: PersonalDataTable, subject: LocatableSubject): SQL {
  return sql`organization_id = ${subject.organizationId} and (${linkPredicate(PERSONAL_DATA[table], subject)})`;
}

/** Every row of the subject, table by table, as JSON: the GDPR export. */
export async function selectSubjectRows(
  db: Executor,
  subject: LocatableSubject,
): Promise<Record<string, Record<string, unknown>[]>> {
  const export_: Record<string, Record<string, unknown>[]> = {};
  for (const table of CUSTOMER_TABLES) {
    const rows = rowsOf<{ row: Record<string, unknown> }>(
      await db.execute(
        sql`select to_jsonb(t) as row from ${sql.identifier(table)} t where ${scoped(table, subject)}`,
      ),
    );
    export_[table] = rows.map(({ row }) => row);
  }
  return export_;
}

/** Erases the subject from every table the registry links it to; returns the rows changed per table. */
export async function eraseSubjectRows(
  db: Executor,
  subject: LocatableSubject,
): Promise<Record<string, number>> {
  const touched: Record<string, number> = {};
  // The subject (ids, values) was read before any row changes: payloads are found by the ids erasure keeps.
  for (const table of CUSTOMER_TABLES) {
    const personal: readonly PersonalColumn[] = PERSONAL_DATA[table].personal;
    const where = scoped(table, subject);
    if (personal.some((column) => column.treatment === "delete")) {
      touched[table] = rowsOf(
        await db.execute(sql`delete from ${sql.identifier(table)} where ${where} returning 1`),
      ).length;
      continue;
    }
    const change = treatment(table, givenValues(subject.values));
    if (!change) continue;
    touched[table] = rowsOf(
      await db.execute(
        sql`update ${sql.identifier(table)} set ${change.set} where ${where} and (${change.pending}) returning 1`,
      ),
    ).length;
  }
  return touched;
}
