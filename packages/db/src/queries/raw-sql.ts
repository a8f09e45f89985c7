import { type SQL, sql } from "drizzle-orm";

/** The rows of a raw `db.execute`: every driver we use (PGlite, pg, Neon) answers `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A text[] parameter every driver passes the same way: one JSON string, unpacked in SQL. */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
