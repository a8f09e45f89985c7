import type { RawQuery } from "./bulk-load";

/** Server settings that make PostgreSQL time every statement (pg_stat_statements, shipped with the server). */
export const STATEMENT_STATISTICS = {
  shared_preload_libraries: "pg_stat_statements",
  "pg_stat_statements.track": "all",
};

export interface StatementTime {
  calls: number;
  totalMs: number;
  meanMs: number;
  maxMs: number;
  query: string;
}

/**
 * Starts counting from now (the extension created if needed, its counters reset); the function returned reads
 * the statements that took the most server time since, heaviest first. Needs the settings above: on a server
 * started without them (ORYLO_TEST_DATABASE_URL) it throws with PostgreSQL's own message.
 */
export async function startStatementStatistics(
  query: RawQuery,
): Promise<(query: RawQuery) => Promise<StatementTime[]>> {
  await query("create extension if not exists pg_stat_statements");
  await query("select pg_stat_statements_reset()");
  return async (later) => {
    const { rows } = await later(
      `select calls::float8 as calls, total_exec_time as total_ms, mean_exec_time as mean_ms,
         max_exec_time as max_ms, regexp_replace(query, '\\s+', ' ', 'g') as query
       from pg_stat_statements
       where query not like '%pg_stat_statements%'
       order by total_exec_time desc limit 12`,
    );
    return (rows as Record<string, unknown>[]).map((row) => ({
      calls: Number(row.calls),
      totalMs: Number(row.total_ms),
      meanMs: Number(row.mean_ms),
      maxMs: Number(row.max_ms),
      query: String(row.query),
    }));
  };
}

export function printTopStatements(statements: StatementTime[]): void {
  const total = statements.reduce((sum, statement) => sum + statement.totalMs, 0);
  console.log("\n  PostgreSQL time by statement (pg_stat_statements, heaviest 12):");
  for (const statement of statements)
    console.log(
      `    ${((statement.totalMs / total) * 100).toFixed(1).padStart(5)} %  ${String(statement.calls).padStart(7)} calls` +
        `  mean ${statement.meanMs.toFixed(2).padStart(7)} ms  max ${statement.maxMs.toFixed(1).padStart(7)} ms  ` +
        statement.query.slice(0, 90),
    );
}
