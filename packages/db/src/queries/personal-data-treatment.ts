import { is, type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import {
  PERSONAL_DATA,
  type PersonalColumn,
  type PersonalDataKind,
  type PersonalDataTable,
} from "../personal-data";
import * as schema from "../schema";

export const PSEUDONYM_PREFIX = "pseudo_";
const REDACTED = "[erased]";
/** Kinds whose values are the person's own and identify them wherever they are copied. */
export const VALUE_KINDS: readonly PersonalDataKind[] = [
  "email",
  "name",
  "ip",
  "user_agent",
  "device",
  "address",
];

/**
 * What redaction replaces inside a column, as SQL text expressions: the person's values given by the caller
 * (erasure), or read from the payment joined as `transactions` (retention). `isJson`: the needle as it reads
 * inside a JSON document's text, quotes and backslashes escaped.
 */
export type Needles = (isJson: boolean) => SQL[];

export function givenValues(values: readonly string[]): Needles {
  return (isJson) =>
    // Longest first, so a value inside another (an email's local part in a name) leaves no remainder.
    [...new Set(values.map((value) => (isJson ? JSON.stringify(value).slice(1, -1) : value)))]
      .sort((a, b) => b.length - a.length)
      .map((needle) => sql`${needle}`);
}

/** The personal values of the `transactions` row the statement joins; a missing one matches nothing. */
export const paymentValues: Needles = (isJson) =>
  (PERSONAL_DATA.transactions.personal as readonly PersonalColumn[])
    .filter((column) => VALUE_KINDS.includes(column.kind))
    .map((column) => {
      const value = sql`transactions.${sql.identifier(column.column)}`;
      const text = isJson
        ? sql`substr(to_jsonb(${value})::text, 2, length(to_jsonb(${value})::text) - 2)`
        : value;
      // chr(1) never appears raw in text we store as JSON, and replace() with a null needle would null the column.
      return sql`coalesce(${text}, chr(1))`;
    });

function redacted(column: SQL, isJson: boolean, needles: SQL[]): SQL {
  let text: SQL = isJson ? sql`${column}::text` : column;
  for (const needle of needles) text = sql`replace(${text}, ${needle}, ${REDACTED})`;
  return isJson ? sql`(${text})::jsonb` : text;
}

/** `pseudo_<hash>`: the same value in one organization always reads the same, and never as itself. */
function pseudonymized(table: SQL, column: SQL): SQL {
  return sql`case when ${column} is null or ${column} like ${`${PSEUDONYM_PREFIX}%`} then ${column}
    else ${PSEUDONYM_PREFIX} || substr(md5(${table}.organization_id || ':' || ${column}), 1, 16) end`;
}

/** `table.column` of every JSON column of the schema: those are redacted as JSON text and parsed back. */
const JSON_COLUMNS = new Set(
  Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns
        .filter((column) => column.dataType === "json")
        .map((column) => `${config.name}.${column.keyAsName ? toSnakeCase(column.name) : column.name}`);
    }),
);

/** The new value of one personal column under its treatment (null: `delete`, handled by the caller). */
function treatedValue(table: PersonalDataTable, personal: PersonalColumn, needles: Needles): SQL | null {
  const tableName = sql.identifier(table);
  const column = sql`${tableName}.${sql.identifier(personal.column)}`;
  switch (personal.treatment) {
    case "null":
      return sql`null`;
    case "pseudonymize":
      return pseudonymized(sql`${tableName}`, column);
    case "empty":
      return sql`'{}'::jsonb`;
    case "redact": {
      const isJson = JSON_COLUMNS.has(`${table}.${personal.column}`);
      const found = needles(isJson);
      return found.length ? redacted(column, isJson, found) : null;
    }
    case "delete":
      return null;
  }
}

/**
 * `set …` and the condition that a row still needs it, so a row already treated is neither rewritten nor
 * counted (erasure and retention are idempotent).
 */
export function treatment(table: PersonalDataTable, needles: Needles): { set: SQL; pending: SQL } | null {
  const personal: readonly PersonalColumn[] = PERSONAL_DATA[table].personal;
  const changes = personal.flatMap((column) => {
    const value = treatedValue(table, column, needles);
    return value
      ? [
          {
            target: sql.identifier(column.column),
            current: sql`${sql.identifier(table)}.${sql.identifier(column.column)}`,
            value,
          },
        ]
      : [];
  });
  if (!changes.length) return null;
  return {
    set: sql.join(
      changes.map(({ target, value }) => sql`${target} = ${value}`),
      sql`, `,
    ),
    pending: sql.join(
      changes.map(({ current, value }) => sql`${current} is distinct from ${value}`),
      sql` or `,
    ),
  };
}
