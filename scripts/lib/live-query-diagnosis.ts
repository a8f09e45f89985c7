import type { DatabaseHandle } from "@orylo/db";
import { ms, percentile } from "./latency-stats";

type Pool = Extract<DatabaseHandle, { driver: "pg" }>["client"];
export interface CapturedQuery {
  text: string;
  params: unknown[];
}
type QueryArgs = [config: string | { text: string; values?: unknown[] }, values?: unknown[]];

/** The SQL `fn` sends through the pool (computeLiveFeatures builds it with Drizzle), recorded as sent. */
export async function captureQueries(pool: Pool, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const target = pool as unknown as { query: (...args: QueryArgs) => Promise<unknown> };
  const original = target.query;
  const captured: CapturedQuery[] = [];
  target.query = function (this: unknown, ...args: QueryArgs) {
    const [config, values] = args;
    const text = typeof config === "string" ? config : config.text;
    const params = values ?? (typeof config === "string" ? [] : (config.values ?? []));
    captured.push({ text, params });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    target.query = original;
  }
  return captured;
}

/** The statements alone over the samples' captured queries, one after the other through the raw pool. */
export async function timeParts(pool: Pool, perSample: CapturedQuery[][]): Promise<string[]> {
  const times: number[] = [];
  for (const queries of perSample) {
    for (const query of queries) {
      const start = performance.now();
      await pool.query(query.text, query.params);
      times.push(performance.now() - start);
    }
  }
  return [
    `statement alone (raw pool, no Drizzle): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${times.length} runs)`,
  ];
}

/** EXPLAIN ANALYZE of each statement for one payment: execution time, rows read, and the plan's scan nodes. */
export async function explainParts(pool: Pool, queries: CapturedQuery[]): Promise<string[]> {
  const lines: string[] = [];
  for (const query of queries) {
    const result = await pool.query<{ "QUERY PLAN": string }>(
      `explain (analyze, buffers) ${query.text}`,
      query.params,
    );
    const plan = result.rows.map((row) => row["QUERY PLAN"]);
    const timing = (label: string) => plan.find((line) => line.startsWith(label))?.replace(`${label}: `, "");
    if (process.env.ORYLO_BENCH_DEBUG) console.log(query.text, query.params.length);
    const scans = plan
      .filter((line) => /Scan|Aggregate/.test(line))
      .map((line) =>
        line
          .trim()
          .replace(/^->\s*/, "")
          .replace(/\s+\(cost=[^)]*\)/, ""),
      )
      .slice(0, 4);
    lines.push(
      `EXPLAIN ANALYZE: planning ${timing("Planning Time")}, execution ` +
        `${timing("Execution Time")}, ${query.params.length} parameters; ${scans.join(" ← ")}`,
    );
  }
  return lines;
}
