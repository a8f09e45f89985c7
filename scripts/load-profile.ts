// bun run load:profile [-- --rate 100 --seconds 30 --driver pg|pglite --history 100000 --profiler off
// --out file.cpuprofile] —
// `next start` of apps/web (its merchant with `--history` payments of imported history) under `node --cpu-prof`
// (unless `--profiler off`) at a steady rate of fresh signed Stripe events; prints the latency, by second too,
// PostgreSQL's time by statement (planning apart) and what autovacuum did, the background tasks the app ran meanwhile,
// the app's CPU per request and where that CPU went: samples by source area (the bundle mapped back to our files) and by whose work. `--out` keeps the
// profile (Chrome DevTools opens it).
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { rawQuery } from "./lib/bulk-load";
import { type AreaCount, summarizeProfile } from "./lib/cpu-profile-areas";
import { ms, summarize } from "./lib/latency-stats";
import type { LoadDriver } from "./lib/load-database";
import { freshEvents } from "./lib/load-plan";
import { withLoadSession } from "./lib/load-session";
import { type Delivery, type Outcome, runOpenLoop } from "./lib/open-loop";
import { cpuPerRequest, ownCpuMs, startCpuMeter } from "./lib/process-cpu";
import {
  printTopStatements,
  STATEMENT_STATISTICS,
  startMaintenanceWatch,
  startStatementStatistics,
  startWaitSampler,
} from "./lib/statement-statistics";
import { ensureWebBuilt } from "./lib/web-app";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    rate: { type: "string", default: "100" },
    seconds: { type: "string", default: "30" },
    driver: { type: "string", default: "pg" },
    out: { type: "string" },
    history: { type: "string", default: "100000" },
    profiler: { type: "string", default: "on" },
    tasks: { type: "string", default: "app" },
  },
});
const rate = Number(values.rate);
const count = Math.round(rate * Number(values.seconds));
const driver = values.driver as LoadDriver;
const profiled = values.profiler !== "off";
const taskHost = values.tasks as "app" | "worker";
if (
  !(rate > 0 && count > 0) ||
  !["pg", "pglite"].includes(driver) ||
  !["app", "worker"].includes(taskHost) ||
  (taskHost === "worker" && driver !== "pg")
) {
  console.error(
    "usage: bun run load:profile -- [--rate n] [--seconds n] [--driver pg|pglite] [--history n] [--profiler off] [--tasks app|worker (pg only)]",
  );
  process.exit(2);
}

await ensureWebBuilt();
await withLoadSession(
  driver,
  {
    historyRows: Number(values.history),
    serverSettings: STATEMENT_STATISTICS,
    taskHost,
    nodeArgs: (workDir) => (profiled ? ["--cpu-prof", `--cpu-prof-dir=${join(workDir, "profile")}`] : []),
  },
  async ({ app, worker, database, secret, workDir }) => {
    const events = freshEvents(2, count);
    const drive = (phaseRate: number, sent: Delivery[]) => {
      const phaseCount = sent.length;
      return runOpenLoop({
        url: app.url,
        secret,
        rate: phaseRate,
        count: phaseCount,
        maxDurationMs: (phaseCount / phaseRate) * 1500,
        maxInFlight: 256,
        next: (index) => sent[index]!,
      });
    };
    await drive(50, freshEvents(1, 200));
    const statements = await database.use((handle) => startStatementStatistics(rawQuery(handle)));
    const maintenance = await database.use((handle) => startMaintenanceWatch(rawQuery(handle)));
    const cpuMeter = startCpuMeter({
      app: app.cpuMs,
      ...(worker ? { worker: worker.cpuMs } : {}),
      PostgreSQL: database.cpuMs,
      "load generator": ownCpuMs,
    });
    const runStart = performance.now();
    const runStartedAt = Date.now();
    // PGlite is the app's own, locked while it runs: only a server can be watched meanwhile.
    const waits =
      driver === "pg" ? await database.use(async (handle) => startWaitSampler(rawQuery(handle))) : null;
    const result = await drive(rate, events);
    const waitsBySecond = (await waits?.stop()) ?? new Map();
    const runEnd = performance.now();
    const cpuUsed = cpuMeter();
    const answered = result.outcomes.filter((o) => o.status >= 200 && o.status < 300);
    const stats = summarize(answered.map((o) => o.latencyMs));
    console.log(
      `${driver}, ${rate} req/s for ${values.seconds} s: ${answered.length}/${result.outcomes.length} answered 2xx, ` +
        `p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, p99 ${ms(stats.p99)}, max ${ms(stats.max)}; ` +
        `app CPU per request ${ms((cpuUsed.app ?? Number.NaN) / Math.max(1, result.outcomes.length))} (profiler ${profiled ? "on" : "off"})`,
    );
    printCpuBudget(result.outcomes.length, (runEnd - runStart) / 1000, cpuUsed);
    console.log(`\n  run from ${new Date(runStartedAt).toISOString()}`);
    printTimeline(
      answered,
      new Map(events.map((event, index) => [event.eventId, Math.floor(index / rate)])),
      handlerTimesBySecond(app.logFile, runStartedAt),
      waitsBySecond,
    );
    printBackgroundTasks(worker ?? app, runStartedAt);
    await database.use(async (handle) => printTopStatements(await statements(rawQuery(handle))));
    const maintenanceRuns = await database.use(async (handle) => maintenance(rawQuery(handle)));
    console.log("\n  autovacuum during the run (the last run's second):");
    if (maintenanceRuns.length === 0) console.log("    none");
    for (const run of maintenanceRuns)
      console.log(
        `    ${run.kind.padEnd(12)} ${run.table.padEnd(24)} ${String(run.count).padStart(3)}x, last from ${Math.floor((run.lastAt.getTime() - runStartedAt) / 1000)} s`,
      );
    await app.stop();
    if (!profiled) return;
    // The profile ends when the process exits: the run is the window that ended this long before.
    const stopped = performance.now();
    const window = { fromEndMs: stopped - runStart, toEndMs: stopped - runEnd };
    const profileDir = join(workDir, "profile");
    for (const file of readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile"))) {
      if (values.out) copyFileSync(join(profileDir, file), values.out);
      const summary = summarizeProfile(join(profileDir, file), window);
      console.log(`\n${file}: ${summary.total} samples during the run`);
      printTable("self time by source area", summary.self.slice(0, 25));
      printTable("by whose work is on the stack", summary.inclusive);
    }
  },
);

function printTable(title: string, rows: AreaCount[]): void {
  console.log(`  ${title}:`);
  for (const row of rows)
    console.log(
      `    ${(row.share * 100).toFixed(1).padStart(5)} %  ${String(row.samples).padStart(6)}  ${row.area}`,
    );
}

/**
 * Every process's CPU per request, and what the machine could decide per second at that cost with all of its
 * cores busy: the ceiling the ≥ 1 000/s target is held against.
 */
function printCpuBudget(requests: number, seconds: number, cpuUsed: Record<string, number>): void {
  const { text, totalMs } = cpuPerRequest(cpuUsed, requests);
  const cores = availableParallelism();
  console.log(
    `\n  CPU per request: ${text} (${((totalMs * requests) / (seconds * 1000)).toFixed(2)} of ${cores} cores busy); ` +
      `at this cost ${cores} cores decide at most ${Math.floor((cores * 1000) / totalMs)} per second`,
  );
}

/**
 * The inline task host's runs during the run, from the log of the process that hosts it: how many of each task and how long, and each
 * run of 100 ms or more with the second it started, to set against the slow seconds of the timeline.
 */
function printBackgroundTasks(host: { logFile: string }, runStartedAt: number): void {
  const runs = readFileSync(host.logFile, "utf8")
    .split("\n")
    .flatMap((line) => {
      if (!line.includes('"task done"')) return [];
      const entry = JSON.parse(line) as { time: string; taskId: string; durationMs: number };
      const endedAt = Date.parse(entry.time);
      return endedAt >= runStartedAt ? [{ ...entry, endedAt }] : [];
    });
  const byTask = new Map<string, typeof runs>();
  for (const run of runs) byTask.set(run.taskId, [...(byTask.get(run.taskId) ?? []), run]);
  console.log(
    `\n  background tasks run during the run (inline task host, ${taskHost === "worker" ? "worker" : "in the app"}):`,
  );
  for (const [taskId, taskRuns] of byTask) {
    const total = taskRuns.reduce((sum, run) => sum + run.durationMs, 0);
    console.log(`    ${taskId.padEnd(20)} ${String(taskRuns.length).padStart(6)} runs, ${ms(total)} in all`);
  }
  for (const run of runs.filter((r) => r.durationMs >= 100)) {
    const startedSecond = Math.floor((run.endedAt - run.durationMs - runStartedAt) / 1000);
    console.log(
      `    from ${String(startedSecond).padStart(4)} s  ${run.taskId.padEnd(20)} ${ms(run.durationMs)}`,
    );
  }
}

/** Latency by the second each request was due: a stall shows as a run of slow seconds, a queue as a ramp. */
/**
 * The app's own timing of each webhook request (its request log: from our route wrapper's start to its answer)
 * by the second it ended: a slow second the handler did not see was spent before it (Node, Next.js, the
 * load generator itself).
 */
function handlerTimesBySecond(logFile: string, runStartedAt: number): Map<number, number[]> {
  const bySecond = new Map<number, number[]>();
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.includes('"msg":"request"') || !line.includes("/api/webhooks/stripe")) continue;
    const entry = JSON.parse(line) as { time: string; durationMs: number };
    const second = Math.floor((Date.parse(entry.time) - runStartedAt) / 1000);
    if (second >= 0) bySecond.set(second, [...(bySecond.get(second) ?? []), entry.durationMs]);
  }
  return bySecond;
}

function printTimeline(
  outcomes: Outcome[],
  secondOf: ReadonlyMap<string, number>,
  handlerBySecond: ReadonlyMap<number, number[]>,
  waitsBySecond: ReadonlyMap<number, ReadonlyMap<string, number>>,
): void {
  const bySecond = new Map<number, number[]>();
  for (const outcome of outcomes) {
    const second = secondOf.get(outcome.eventId) ?? 0;
    bySecond.set(second, [...(bySecond.get(second) ?? []), outcome.latencyMs]);
  }
  console.log(
    "\n  latency by the second each request was due (p50 / p95 / max; the handler's own p95 and max by the second it answered), and what PostgreSQL's busy backends were doing (samples every 50 ms):",
  );
  for (const [second, latencies] of [...bySecond].sort((a, b) => a[0] - b[0])) {
    const { p50, p95, max } = summarize(latencies);
    const waits = [...(waitsBySecond.get(second) ?? [])]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([waiting, samples]) => `${waiting} ${samples}`)
      .join(", ");
    const handler = summarize(handlerBySecond.get(second) ?? []);
    console.log(
      `    ${String(second).padStart(4)} s  ${ms(p50).padStart(9)} ${ms(p95).padStart(9)} ${ms(max).padStart(9)}` +
        `  | ${ms(handler.p95).padStart(9)} ${ms(handler.max).padStart(9)}  ${waits}`,
    );
  }
}
