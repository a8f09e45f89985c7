import type { Executor } from "@orylo/db";
import { usePostgresDatabase } from "@orylo/db/testing/postgres";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { checkParity, LOW_AMOUNT_HISTORY_LIMIT } from "./live-features-parity-case";

const database = usePostgresDatabase();

/** The connection's counters for the statement (zero before its first execution there). */
async function preparedStatement(tx: Executor) {
  const { rows } = (await tx.execute(
    sql`select generic_plans, custom_plans, cardinality(parameter_types) as parameters
      from pg_prepared_statements where name = 'orylo_live_features'`,
  )) as unknown as { rows: { generic_plans: string; custom_plans: string; parameters: number }[] };
  const [row] = rows;
  return {
    generic: Number(row?.generic_plans ?? 0),
    custom: Number(row?.custom_plans ?? 0),
    parameters: Number(row?.parameters ?? 0),
  };
}

/**
 * On PostgreSQL the live-features statement is a named prepared statement: after PostgreSQL's five custom
 * plans it must run on its generic plan (no planning per payment, live-parameters.ts) with each value bound
 * once, and still give the streaming evaluator's values on a dense history. One transaction keeps every
 * execution on one connection, whose prepared statements `pg_prepared_statements` lists.
 */
it.each([
  { seed: 7, limit: undefined },
  { seed: 42, limit: LOW_AMOUNT_HISTORY_LIMIT },
])(
  "runs on its generic plan and agrees with the stream (seed $seed, limit $limit)",
  async (parityCase) => {
    await database().db.transaction(async (tx) => {
      const before = await preparedStatement(tx);
      const scored = await checkParity(tx, parityCase);
      const after = await preparedStatement(tx);
      // Every execution is counted once, and only the first five on the connection were planned for their values.
      expect(after.generic + after.custom - (before.generic + before.custom)).toBe(scored);
      expect(after.custom).toBe(5);
      expect(after.parameters).toBe(13);
    });
  },
  180_000,
);
