import {
  MERCHANT_AMOUNT_HISTORY_SECONDS,
  VELOCITY_ENTITIES,
  type VelocityEntity,
  WINDOWS,
} from "@orylo/engine";
import { type SQL, sql } from "drizzle-orm";

/**
 * The live-features statement's values, each bound once as a column of a one-row subquery `p` that every
 * scalar subquery reads (`p.at`, `p.since_3600`), instead of a placeholder per use (Drizzle numbers each
 * occurrence: 252 parameters for a dozen values).
 *
 * Why a subquery fenced by OFFSET 0, which the planner cannot flatten: the subqueries then see `p`'s columns
 * as outer references, not as the bound values, so a plan built for one payment's values (custom) costs what
 * the plan for any values (generic) costs. PostgreSQL's plan cache keeps a named statement's generic plan
 * once it is not dearer than the average custom plan plus its planning charge, so from the sixth execution
 * on each connection the statement is no longer planned per payment (planning cost 1.35 ms of the 2 ms the
 * statement took at 1 M rows), without a session-wide `plan_cache_mode`, which would also reach the other
 * statements on the connection (docs/performance.md, "Live features"). The window bounds (t − w) are
 * columns too, computed once rather than for each row and aggregate.
 */
const ROW = "p";

/** Every window length a subquery bounds its rows by, in seconds: the catalogue's and the amount history's. */
const SINCE_SECONDS: readonly number[] = [
  ...new Set([
    ...Object.values(WINDOWS).flatMap((seconds) => (seconds === null ? [] : [seconds])),
    MERCHANT_AMOUNT_HISTORY_SECONDS,
  ]),
];

type Column =
  | "organization_id"
  | "at"
  | "ingest_seq"
  | "currency"
  | "amount"
  | "history_limit"
  | VelocityEntity;

/** `p.<column>`: one of the payment's values. */
export function param(column: Column): SQL {
  return sql`${sql.identifier(ROW)}.${sql.identifier(column)}`;
}

/** `p.since_<seconds>`: the payment's time minus `seconds`, the exclusive lower bound of that window. */
export function since(seconds: number): SQL {
  if (!SINCE_SECONDS.includes(seconds)) throw new Error(`live features: no bound for a ${seconds} s window`);
  return sql`${sql.identifier(ROW)}.${sql.identifier(`since_${seconds}`)}`;
}

/** The placeholders of the values row, with their types; `parameterValues` gives their values. */
const VALUES: [placeholder: string, column: Column, type: string][] = [
  ["organizationId", "organization_id", "text"],
  ["at", "at", "timestamptz"],
  ["ingestSeq", "ingest_seq", "bigint"],
  ["currency", "currency", "text"],
  ["amount", "amount", "bigint"],
  ["limit", "history_limit", "int"],
  ...(Object.keys(VELOCITY_ENTITIES) as VelocityEntity[]).map((entity): [string, Column, string] => [
    entity,
    entity,
    "text",
  ]),
];

/** `(select … offset 0) as p`: the FROM item every subquery of the statement reads its values from. */
export const PARAMETER_ROW: SQL = sql`(select ${sql.identifier("values")}.*, ${sql.join(
  SINCE_SECONDS.map(
    (seconds) =>
      sql`${sql.identifier("values")}.${sql.identifier("at")} - ${sql.raw(`interval '${seconds} seconds'`)} as ${sql.identifier(`since_${seconds}`)}`,
  ),
  sql`, `,
)} from (select ${sql.join(
  VALUES.map(
    ([placeholder, column, type]) =>
      sql`${sql.placeholder(placeholder)}::${sql.raw(type)} as ${sql.identifier(column)}`,
  ),
  sql`, `,
)}) as ${sql.identifier("values")} offset 0) as ${sql.identifier(ROW)}`;
