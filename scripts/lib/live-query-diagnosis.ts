import type { DatabaseHandle } from "@orylo/db";
import { ms, percentile } from "./latency-stats";

type Pool = Extract<DatabaseHandle, { driver: "pg" }>["client"];
export interface CapturedQuery {
  /** Set for a named (server-side prepared) statement. */
  name?: string;
  text: string;
  params: unknown[];
}
type QueryArgs = [config: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]];

/** The SQL `fn` sends through the pool (computeLiveFeatures builds it with Drizzle), recorded as sent. */
export async function captureQueries(pool: Pool, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const target = pool as unknown as { query: (...args: QueryArgs) => Promise<unknown> };
  const original = target.query;
  const captured: CapturedQuery[] = [];
  target.query = function (this: unknown, ...args: QueryArgs) {
    const [config, values] = args;
    const text = typeof config === "string" ? config : config.text;
    const params = values ?? (typeof config === "string" ? [] : (config.values ?? []));
    captured.push({ name: typeof config === "string" ? undefined : config.name, text, params });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    target.query = original;
  }
  return captured;
}

/**
 * The statements alone over the samples' captured queries, one after the other through the raw pool, named
 * as they were sent (a named statement runs on the connection's cached plan, as it does for our code).
 */
export async function timeParts(pool: Pool, perSample: CapturedQuery[][]): Promise<string[]> {
  const times: number[] = [];
  for (const queries of perSample) {
    for (const query of queries) {
      const start = performance.now();
      await pool.query({ name: query.name, text: query.text, values: query.params });
      times.push(performance.now() - start);
    }
  }
  return [
    `statement alone (raw pool, no Drizzle): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${times.length} runs)`,
  ];
}

/**
 * EXPLAIN ANALYZE of each statement for one payment: execution time, rows read, and the plan's scan nodes.
 * `generic`: the plan PostgreSQL keeps for a prepared statement (the values unknown when planning), which is
 * what a named statement runs on after its first executions; else a plan for these values.
 */
export async function explainParts(
  pool: Pool,
  queries: CapturedQuery[],
  { generic = false }: { generic?: boolean } = {},
): Promise<string[]> {
  const lines: string[] = [];
  for (const query of queries) {
    const plan = await (generic ? explainGeneric(pool, query) : explainCustom(pool, query));
    const timing = (label: string) => plan.find((line) => line.startsWith(label))?.replace(`${label}: `, "");
    if (process.env.ORYLO_BENCH_DEBUG) console.log(query.text, query.params.length);
    const nodes = withHeapFetches(plan).filter((line) => /Scan|Aggregate/.test(line));
    // The four nodes that handled the most rows (plan order kept): where a slow statement spends its time.
    const heaviest = new Set([...nodes].sort((a, b) => actualRows(b) - actualRows(a)).slice(0, 4));
    const scans = nodes
      .filter((line) => heaviest.has(line))
      .map((line) =>
        line
          .trim()
          .replace(/^->\s*/, "")
          .replace(/\s+\(cost=[^)]*\)/, ""),
      );
    lines.push(
      `EXPLAIN ANALYZE: planning ${timing("Planning Time")}${generic ? " (once per connection)" : ""}, execution ` +
        `${timing("Execution Time")}, ${query.params.length} parameters; ${scans.join(" ← ")}`,
    );
  }
  return lines;
}

/**
 * The plan's lines with each index-only scan's "Heap Fetches: n" (a detail line below its node) appended to
 * the node's own line: how many of its rows still had to be read from the table (pages not all-visible).
 */
function withHeapFetches(plan: string[]): string[] {
  let node = -1;
  const lines = [...plan];
  plan.forEach((line, index) => {
    if (line.includes("->") || index === 0) node = index;
    const fetches = /Heap Fetches: (\d+)/.exec(line);
    if (fetches && node >= 0) lines[node] = `${lines[node]} (heap fetches ${fetches[1]})`;
  });
  return lines;
}

/** Rows an EXPLAIN ANALYZE node produced over all its loops (0 when it never ran). */
function actualRows(line: string): number {
  const match = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/.exec(line);
  return match ? Number(match[1]) * Number(match[2]) : 0;
}

async function explainCustom(pool: Pool, query: CapturedQuery): Promise<string[]> {
  const result = await pool.query<{ "QUERY PLAN": string }>(
    `explain (analyze, buffers) ${query.text}`,
    query.params,
  );
  return result.rows.map((row) => row["QUERY PLAN"]);
}

async function explainGeneric(pool: Pool, query: CapturedQuery): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    await client.query("set local plan_cache_mode = force_generic_plan");
    await client.query(`prepare bench_explained as ${query.text}`);
    const values = query.params.map((value) =>
      value === null || value === undefined ? "null" : client.escapeLiteral(String(value)),
    );
    const result = await client.query<{ "QUERY PLAN": string }>(
      `explain (analyze, buffers) execute bench_explained(${values.join(", ")})`,
    );
    return result.rows.map((row) => row["QUERY PLAN"]);
  } finally {
    await client.query("rollback");
    await client.query("deallocate bench_explained").catch(() => {});
    client.release();
  }
}
