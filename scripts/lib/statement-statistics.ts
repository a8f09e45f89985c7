import type { RawQuery } from "./bulk-load";

/** Server settings that make PostgreSQL time every statement (pg_stat_statements, shipped with the server). */
export const STATEMENT_STATISTICS = {
  shared_preload_libraries: "pg_stat_statements",
  "pg_stat_statements.track": "all",
  "pg_stat_statements.track_planning": "on",
};

export interface StatementTime {
  calls: number;
  /** Plans made (a prepared statement's custom plans, and each replan after its tables' statistics change). */
  plans: number;
  planMs: number;
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
      `select calls::float8 as calls, plans::float8 as plans, total_plan_time as plan_ms, total_exec_time as total_ms, mean_exec_time as mean_ms,
         max_exec_time as max_ms, regexp_replace(query, '\\s+', ' ', 'g') as query
       from pg_stat_statements
       where query not like '%pg_stat_statements%'
       order by total_exec_time desc limit 12`,
    );
    return (rows as Record<string, unknown>[]).map((row) => ({
      calls: Number(row.calls),
      plans: Number(row.plans),
      planMs: Number(row.plan_ms),
      totalMs: Number(row.total_ms),
      meanMs: Number(row.mean_ms),
      maxMs: Number(row.max_ms),
      query: String(row.query),
    }));
  };
}

export function printTopStatements(statements: StatementTime[]): void {
  const total = statements.reduce((sum, statement) => sum + statement.totalMs, 0);
  console.log("\n  PostgreSQL time by statement (pg_stat_statements, heaviest 12; planning apart):");
  for (const statement of statements)
    console.log(
      `    ${((statement.totalMs / total) * 100).toFixed(1).padStart(5)} %  ${String(statement.calls).padStart(7)} calls` +
        `  mean ${statement.meanMs.toFixed(2).padStart(7)} ms  max ${statement.maxMs.toFixed(1).padStart(7)} ms` +
        `  ${String(statement.plans).padStart(5)} plans ${statement.planMs.toFixed(0).padStart(5)} ms  ` +
        statement.query.slice(0, 90),
    );
}

export interface MaintenanceRun {
  table: string;
  kind: "autovacuum" | "autoanalyze";
  /** When the last one of the run ended. */
  lastAt: Date;
  count: number;
}

/**
 * Starts watching autovacuum; the function returned lists the tables it vacuumed or analyzed since, with how
 * often and when it last did. An analyze changes a table's statistics, which makes every connection replan
 * its prepared statements on that table.
 */
export async function startMaintenanceWatch(
  query: RawQuery,
): Promise<(query: RawQuery) => Promise<MaintenanceRun[]>> {
  const read = async (q: RawQuery) => {
    const { rows } = await q(
      `select relname as table, autovacuum_count::float8 as vacuums, autoanalyze_count::float8 as analyzes,
         last_autovacuum as vacuumed_at, last_autoanalyze as analyzed_at
       from pg_stat_user_tables`,
    );
    return rows as {
      table: string;
      vacuums: number;
      analyzes: number;
      vacuumed_at: Date | null;
      analyzed_at: Date | null;
    }[];
  };
  const before = new Map((await read(query)).map((row) => [row.table, row]));
  return async (later) =>
    (await read(later)).flatMap((row) => {
      const was = before.get(row.table);
      const runs: MaintenanceRun[] = [];
      const vacuums = Number(row.vacuums) - Number(was?.vacuums ?? 0);
      const analyzes = Number(row.analyzes) - Number(was?.analyzes ?? 0);
      if (vacuums > 0 && row.vacuumed_at)
        runs.push({
          table: row.table,
          kind: "autovacuum",
          lastAt: new Date(row.vacuumed_at),
          count: vacuums,
        });
      if (analyzes > 0 && row.analyzed_at)
        runs.push({
          table: row.table,
          kind: "autoanalyze",
          lastAt: new Date(row.analyzed_at),
          count: analyzes,
        });
      return runs;
    });
}

/**
 * Samples what PostgreSQL's active client backends wait on (`pg_stat_activity`) every `intervalMs` from now;
 * `stop()` gives the counts by second since the start, e.g. `{ 9: { "LWLock:WALWrite": 14 } }`. A backend busy
 * on the CPU counts as `cpu`. Waiting for the client (`Client:ClientRead`, between a transaction's statements)
 * is the app's time, not the server's, and is left out.
 */
export function startWaitSampler(
  query: RawQuery,
  intervalMs = 50,
): { stop(): Promise<Map<number, Map<string, number>>> } {
  const startedAt = Date.now();
  const bySecond = new Map<number, Map<string, number>>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await query(
        `select coalesce(wait_event_type || ':' || wait_event, 'cpu') as waiting
         from pg_stat_activity
         where backend_type = 'client backend' and state <> 'idle' and pid <> pg_backend_pid()`,
      );
      const second = Math.floor((Date.now() - startedAt) / 1000);
      const counts = bySecond.get(second) ?? new Map<string, number>();
      for (const { waiting } of rows as { waiting: string }[])
        if (waiting !== "Client:ClientRead") counts.set(waiting, (counts.get(waiting) ?? 0) + 1);
      bySecond.set(second, counts);
      await Bun.sleep(intervalMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return bySecond;
    },
  };
}
