import { type Placeholder, type Query, type SQL, sql } from "drizzle-orm";
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from "drizzle-orm/pg-core";
import type { Executor } from "../client";

/** What `prepare()` leaves behind that the statement needs to run again: its text, parameters and row shape. */
interface Template {
  query: Query;
  fields: unknown;
  joinsNotNullableMap: unknown;
}

/** The session's query factory (public in Drizzle's types; the row-shape arguments come from `prepare()`). */
type PrepareQuery = (
  query: Query,
  fields: unknown,
  name: string,
  isResponseInArrayMode: boolean,
) => PgPreparedQuery<PreparedQueryConfig> & { joinsNotNullableMap?: unknown };

function run(db: Executor, name: string, template: Template, values: Record<string, unknown>) {
  const { session } = db._;
  const prepareQuery = session.prepareQuery.bind(session) as unknown as PrepareQuery;
  const prepared = prepareQuery(template.query, template.fields, name, template.fields !== undefined);
  prepared.joinsNotNullableMap = template.joinsNotNullableMap;
  return prepared.execute(values);
}

/**
 * A webhook-path statement built once, with a placeholder for every value, then run on whichever executor
 * it is given (the pool or a transaction) with only the values. Building a statement with Drizzle (the
 * builder, `getSQL`, rendering it to text) cost more of the request's CPU than anything else we run, for a
 * text that never changes. On pg and Neon the name makes it a server-side prepared statement, parsed once
 * per connection; PGlite ignores it. The result is what the builder's own `execute` would return: the same
 * row mapping, through the executor's logger.
 */
export function compiledStatement<Config extends PreparedQueryConfig>(
  name: string,
  build: (db: Executor) => { prepare(name: string): PgPreparedQuery<Config> },
): (db: Executor, values: Record<string, unknown>) => Promise<Config["execute"]> {
  let template: Template | undefined;
  return async (db, values) => {
    if (!template) {
      const prepared = build(db).prepare(name);
      // `fields` and `joinsNotNullableMap` are the prepared query's own row mapping (private in the types).
      const { fields, joinsNotNullableMap } = prepared as unknown as Omit<Template, "query">;
      template = { query: prepared.getQuery(), fields, joinsNotNullableMap };
    }
    return run(db, name, template, values);
  };
}

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * The same for a hand-written statement (a query builder would render its columns unqualified, which
 * subqueries over joined tables cannot use): its rows come back as objects keyed by column alias.
 */
export function compiledSql<Row>(
  name: string,
  statement: SQL,
): (db: Executor, values: Record<string, unknown>) => Promise<Row[]> {
  const template: Template = {
    query: dialect.sqlToQuery(statement),
    fields: undefined,
    joinsNotNullableMap: undefined,
  };
  return async (db, values) => ((await run(db, name, template, values)) as { rows: Row[] }).rows;
}

/**
 * For statements whose text depends on which columns a row carries (an insert leaves absent columns to their
 * defaults): one compiled statement per shape, a shape being named by `key`. The webhook path repeats a
 * handful of shapes, so the cache stays small.
 */
export function compiledStatementsByShape<Shape, Config extends PreparedQueryConfig>(
  name: string,
  key: (shape: Shape) => string,
  build: (db: Executor, shape: Shape) => { prepare(name: string): PgPreparedQuery<Config> },
): (db: Executor, shape: Shape, values: Record<string, unknown>) => Promise<Config["execute"]> {
  const statements = new Map<
    string,
    (db: Executor, values: Record<string, unknown>) => Promise<Config["execute"]>
  >();
  return (db, shape, values) => {
    const id = key(shape);
    let statement = statements.get(id);
    if (!statement) {
      statement = compiledStatement(`${name}_${statements.size}`, (each) => build(each, shape));
      statements.set(id, statement);
    }
    return statement(db, values);
  };
}

/** The keys of `row` that carry a value (undefined means "the column's default"), sorted. */
export function definedKeys(row: object): string[] {
  return Object.entries(row)
    .filter(([, value]) => value !== undefined)
    .map(([column]) => column)
    .sort();
}

/** `{ column: placeholder(prefix + column) }` for each key: a row of placeholders to build a statement with. */
export function placeholderRow(keys: readonly string[], prefix: string): Record<string, Placeholder> {
  return Object.fromEntries(keys.map((column) => [column, sql.placeholder(`${prefix}${column}`)]));
}

/** The values of a row of placeholders built by `placeholderRow`. */
export function prefixedValues(row: object, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [`${prefix}${column}`, value]));
}
