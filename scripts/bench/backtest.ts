// Backtest benchmark: `backtestRuleSet` (the verb behind `POST /api/v1/rules/backtest` and `bun run backtest`)
// of one new rule over a merchant's whole stored history on PostgreSQL, end to end: reading the payments,
// streaming their features, the detectors and the rule, the labels and the report.
import { backtestHistoryPages, backtestRuleSet, type OrgCtx } from "@orylo/core";
import { migrateDatabase } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { createAnalytics, createLogger } from "@orylo/platform";
import { type BenchSize, bySize } from "../lib/bench-size";
import type { RunReport } from "../lib/benchmarks-doc";
import { loadInBatches, rawQuery } from "../lib/bulk-load";
import { count, ms, verdict } from "../lib/latency-stats";
import { syntheticHistory } from "../lib/synthetic-history";
import { openBenchDatabase } from "./live-features";

export const BACKTEST_BENCH_RULE = "Block if :card_count_for_ip_address_hourly: > 5 and :amount_in_usd: > 50";
const RUNS = 3;
const cpuMs = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1000;

export async function runBacktestBenchmark(size: BenchSize, command: string): Promise<RunReport> {
  const rows = bySize(size, { tiny: 10_000, small: 100_000, full: 1_000_000 });
  const { handle, stop } = await openBenchDatabase("pg");
  try {
    await migrateDatabase(handle);
    const organization = await createTestOrganization(handle.db);
    // The history ends now, so a 90-day backtest (plus its 7 warm-up days) covers all of it.
    const end = new Date();
    console.log(`  loading ${count(rows)} transactions into pg`);
    const started = performance.now();
    await loadInBatches(rawQuery(handle), organization.id, syntheticHistory({ seed: 7, count: rows, end }), {
      batchSize: 5_000,
    });
    await rawQuery(handle)("analyze transactions");
    const loadMs = performance.now() - started;
    console.log(`  loaded in ${(loadMs / 1000).toFixed(1)} s; timing ${RUNS} backtests`);

    const ctx: OrgCtx = {
      db: handle.db,
      actor: { type: "system", task: "bench" },
      requestId: "bench",
      logger: createLogger({ logLevel: "silent", prettyLogs: false }),
      now: () => end,
      analytics: createAnalytics({ posthog: null }),
      organizationId: organization.id,
    };
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let report: Awaited<ReturnType<typeof backtestRuleSet>> | undefined;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      report = await backtestRuleSet(ctx, { rules: [BACKTEST_BENCH_RULE] }, { maxRows: rows });
      times.push(performance.now() - start);
      cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
      console.log(`  run ${run + 1}: ${ms(times.at(-1)!)}`);
    }
    const best = Math.min(...times);
    // Where the time goes: reading and decoding the pages alone, without the replay.
    const readStart = performance.now();
    const readCpu = process.cpuUsage();
    let read = 0;
    const range = { organizationId: organization.id, since: new Date(0), until: end };
    for await (const page of backtestHistoryPages(handle.db, range)) read += page.length;
    const readMs = performance.now() - readStart;
    const readCpuMs = cpuMs(process.cpuUsage(readCpu));
    const counted = report!.payments + report!.warmupPayments;
    if (counted !== rows) throw new Error(`the backtest read ${counted} payments, ${rows} are stored`);
    const decisions = report!.candidate.decisions;
    return {
      section: "backtest-pg",
      size,
      command,
      rows: [
        ["stored transactions", count(rows), "", ""],
        ["payments replayed (counted + warm-up)", count(counted), "", ""],
        ["end to end, best of 3", ms(best), "", ""],
        // Linear in rows (one pass, bounded state per key), so a smaller size is judged at its share of 1 M.
        [
          "best of 3 scaled to 1 M rows",
          ms((best * 1_000_000) / rows),
          "< 10 s at 1 M rows",
          verdict((best * 1_000_000) / rows < 10_000),
        ],
        ["end to end, each run", times.map(ms).join(" / "), "", ""],
        ["payments per second", `${count(Math.round(counted / (best / 1000)))}/s`, "", ""],
        ["CPU of the bench process, best run", ms(Math.min(...cpuTimes)), "", ""],
        ["CPU per payment, best run", `${((Math.min(...cpuTimes) * 1000) / counted).toFixed(1)} µs`, "", ""],
        [`reading the ${count(read)} rows alone (wall / CPU)`, `${ms(readMs)} / ${ms(readCpuMs)}`, "", ""],
      ],
      notes: [
        `One new rule, \`${BACKTEST_BENCH_RULE}\`, over the 90 days before now (the whole history) with its 7 warm-up days, ` +
          "the detectors and default settings, as `POST /api/v1/rules/backtest` runs it.",
        `Decisions: ALLOW ${count(decisions.ALLOW.count)}, REVIEW ${count(decisions.REVIEW.count)}, BLOCK ${count(decisions.BLOCK.count)}; ` +
          `the rule hit ${count(report!.rules[0]?.hits ?? 0)} payments.`,
        "The bench process's CPU time is the Node/Bun side (row decoding, streaming features, detectors, rule); " +
          "PostgreSQL runs in its own processes. Wall time above CPU time is waiting: for the database, or for " +
          "a core when the machine is shared (see the load average).",
        `${count(rows)} transactions loaded with multi-row inserts then ANALYZE in ${(loadMs / 1000).toFixed(1)} s (not timed).`,
      ],
    };
  } finally {
    await handle.close().catch(() => {});
    await stop();
  }
}
