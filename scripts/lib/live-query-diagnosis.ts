import type { DatabaseHandle } from "@orylo/db";
import { ms, percentile } from "./latency-stats";

type Pool = Extract<DatabaseHandle, { driver: "pg" }>["client"];
export interface CapturedQuery {
  /** The prepared statement's name, if it was sent as one. */
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
    const name = typeof config === "string" ? undefined : config.name;
    captured.push({ name, text, params });
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
 * The statements alone over the samples' captured queries, one after the other through the raw pool, as
 * prepared statements (as sent) and as fresh texts (parsed and planned each time), to show what preparing saves.
 */
export async function timeParts(pool: Pool, perSample: CapturedQuery[][]): Promise<string[]> {
  const prepared: number[] = [];
  const fresh: number[] = [];
  for (const queries of perSample) {
    for (const query of queries) {
      let start = performance.now();
      await pool.query({ name: query.name, text: query.text, values: query.params });
      prepared.push(performance.now() - start);
      start = performance.now();
      await pool.query(query.text, query.params);
      fresh.push(performance.now() - start);
    }
  }
  const line = (label: string, times: number[]) =>
    `${label}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${times.length} runs)`;
  return [
    line("statement alone, prepared (raw pool)", prepared),
    line("statement alone, parsed and planned each time", fresh),
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
