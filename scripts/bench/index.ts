// bun run bench [-- --size tiny|small|full] [engine live-features-pg live-features-pglite evaluate-pg backtest-pg
//   backtest-replay webhook-pg detections-list-pg]
// Runs each benchmark, prints its figures and rewrites its block in docs/benchmarks.md. A missed target is
// reported, never a failure; a benchmark that errors exits non-zero.
import { commandLine, readBenchArgs } from "../lib/bench-size";
import { printReport, type RunReport, writeReport } from "../lib/benchmarks-doc";
import { runBacktestBenchmark } from "./backtest";
import { runBacktestReplayBenchmark } from "./backtest-replay";
import { runDetectionsListBenchmark } from "./detections-list";
import { runEngineBenchmark } from "./engine";
import { runEvaluateBenchmark } from "./evaluate";
import { runLiveFeaturesBenchmark } from "./live-features";
import { runWebhookBenchmark } from "./webhook";

const BENCHMARKS: Record<
  string,
  (size: ReturnType<typeof readBenchArgs>["size"], command: string) => Promise<RunReport>
> = {
  engine: runEngineBenchmark,
  "live-features-pg": (size, command) => runLiveFeaturesBenchmark("pg", size, command),
  "live-features-pglite": (size, command) => runLiveFeaturesBenchmark("pglite", size, command),
  "evaluate-pg": runEvaluateBenchmark,
  "backtest-pg": runBacktestBenchmark,
  "backtest-replay": runBacktestReplayBenchmark,
  "webhook-pg": runWebhookBenchmark,
  "detections-list-pg": runDetectionsListBenchmark,
};

const { size, only } = readBenchArgs();
const unknown = only.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}

let failed = false;
for (const name of only.length > 0 ? only : Object.keys(BENCHMARKS)) {
  console.log(`\n==> ${name} (size ${size})`);
  const started = performance.now();
  try {
    const report = await BENCHMARKS[name]!(size, commandLine("bench", size, only));
    writeReport(report);
    printReport(report);
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed = true;
    console.error(`${name} failed:`, error);
  }
}
process.exit(failed ? 1 : 0);
