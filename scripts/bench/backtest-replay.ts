// Backtest replay benchmark: the engine's part of `backtest-pg` alone, in memory (`startBacktest`: streaming
// features, detectors, the rule, tallies), on the same synthetic history at the FULL size's density whatever
// the size (a denser history costs more per payment), so its CPU per payment reads against the 1 M-row run.
import { DEFAULT_ENGINE_SETTINGS, startBacktest } from "@orylo/engine";
import { OFFLINE_LOOKUPS } from "@orylo/platform";
import { benchRule } from "../lib/bench-rules";
import { type BenchSize, bySize } from "../lib/bench-size";
import type { RunReport } from "../lib/benchmarks-doc";
import { count, ms } from "../lib/latency-stats";
import { syntheticHistory } from "../lib/synthetic-history";
import { BACKTEST_BENCH_RULE } from "./backtest";

const RUNS = 3;
const FULL_ROWS = 1_000_000;
const DAYS_AT_FULL_SIZE = 90;
const WARMUP_DAYS = 7;
const DAY_MS = 86_400_000;

export async function runBacktestReplayBenchmark(size: BenchSize, command: string): Promise<RunReport> {
  const rows = bySize(size, { tiny: 10_000, small: 100_000, full: FULL_ROWS });
  const days = (DAYS_AT_FULL_SIZE * rows) / FULL_ROWS;
  const end = new Date(Date.UTC(2026, 0, 1));
  const history = [...syntheticHistory({ seed: 7, count: rows, end, days })];
  const rule = benchRule(BACKTEST_BENCH_RULE, "bench");
  // The 7 warm-up days of a 90-day backtest, scaled like the history.
  const from = new Date(end.getTime() - days * DAY_MS + (WARMUP_DAYS * DAY_MS * days) / DAYS_AT_FULL_SIZE);

  const cpuUs: number[] = [];
  const wallMs: number[] = [];
  let decisions = "";
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const replay = startBacktest({
      candidate: [rule],
      settings: DEFAULT_ENGINE_SETTINGS,
      featureOptions: { timeZone: "Europe/Paris", lookups: OFFLINE_LOOKUPS },
      labels: new Map(),
      asOf: end,
      from,
      to: end,
    });
    for (const payment of history) replay.push(payment);
    const report = replay.report();
    const used = process.cpuUsage(cpu);
    wallMs.push(performance.now() - start);
    cpuUs.push((used.user + used.system) / rows);
    const { ALLOW, REVIEW, BLOCK } = report.candidate.decisions;
    decisions = `ALLOW ${count(ALLOW.count)}, REVIEW ${count(REVIEW.count)}, BLOCK ${count(BLOCK.count)}`;
  }
  const best = Math.min(...cpuUs);
  return {
    section: "backtest-replay",
    size,
    command,
    rows: [
      ["payments replayed (counted + warm-up)", count(rows), "", ""],
      ["CPU per payment, best of 3", `${best.toFixed(1)} µs`, "", ""],
      ["CPU per payment, each run", cpuUs.map((us) => `${us.toFixed(1)} µs`).join(" / "), "", ""],
      ["wall per run", wallMs.map(ms).join(" / "), "", ""],
      ["best CPU scaled to 1 M payments", ms((best * FULL_ROWS) / 1000), "", ""],
    ],
    notes: [
      `\`startBacktest\` in memory, one thread: one new rule, \`${BACKTEST_BENCH_RULE}\`, with the detectors and ` +
        `default settings, over the \`backtest-pg\` synthetic history (${count(rows)} payments over ${days.toFixed(1)} days, ` +
        "the full size's density); no database, no row decoding: what `backtest-pg` spends besides reading.",
      `Decisions: ${decisions}.`,
      "CPU is the process's (the garbage collector's threads included), so it can exceed wall time.",
    ],
  };
}
