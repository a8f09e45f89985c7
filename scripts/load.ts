// bun run load [-- --size tiny|small|full] [pg] [pglite] — signed Stripe events, open loop, against `next start`
// of apps/web, on a real PostgreSQL and on embedded PGlite (both by default); checks the database afterwards and
// rewrites each database's block in docs/benchmarks.md. A missed target or a timed-out request is reported; an
// error (the app does not start, the database cannot be checked) exits non-zero.
import { bySize, commandLine, readBenchArgs } from "./lib/bench-size";
import { printReport, type RunReport, writeReport } from "./lib/benchmarks-doc";
import { count, ms, summarize, verdict } from "./lib/latency-stats";
import type { LoadDatabase, LoadDriver } from "./lib/load-database";
import { freshEvents, loadPlan, OUT_OF_ORDER_SHARE } from "./lib/load-plan";
import { withLoadSession } from "./lib/load-session";
import { checkStore, type Query } from "./lib/load-verify";
import { type Delivery, runOpenLoop } from "./lib/open-loop";
import { cpuPerRequest, ownCpuMs, startCpuMeter } from "./lib/process-cpu";
import { ensureWebBuilt, type TaskWorker, tail, type WebApp } from "./lib/web-app";

/** Embedded mode's load shedding (`overloaded`): the delivery was refused before anything was stored. */
const SHED_STATUS = 503;
/**
 * What runs under load: `pg` is `next start` on PostgreSQL with the task host inside it, `worker` the same
 * with the task host in `bun run worker` beside it (ORYLO_TASK_HOST=worker), `pglite` embedded mode.
 */
const SETUPS = {
  pg: { driver: "pg", taskHost: "app", section: "load" },
  worker: { driver: "pg", taskHost: "worker", section: "load-worker" },
  pglite: { driver: "pglite", taskHost: "app", section: "load-pglite" },
} as const satisfies Record<string, { driver: LoadDriver; taskHost: "app" | "worker"; section: string }>;
type Setup = keyof typeof SETUPS;
const { size, only } = readBenchArgs();
/** Imported history stored before the run: live features read a table of this size (SPEC §G: 1 M rows). */
const historyRows = bySize(size, { tiny: 10_000, small: 100_000, full: 1_000_000 });
const unknown = only.filter((name) => !Object.hasOwn(SETUPS, name));
if (unknown.length > 0) {
  console.error(`Unknown setup ${unknown.join(", ")}; known: ${Object.keys(SETUPS).join(", ")}`);
  process.exit(2);
}
let exitCode = 0;
await ensureWebBuilt();
for (const setup of only.length > 0 ? (only as Setup[]) : (Object.keys(SETUPS) as Setup[])) {
  console.log(`\n==> load on ${setup} (size ${size})`);
  if (!(await runLoad(setup))) exitCode = 1;
}
process.exit(exitCode);

async function runLoad(setup: Setup): Promise<boolean> {
  const { driver, taskHost, section } = SETUPS[setup];
  const command = commandLine("load", size, only);
  console.log(
    `  starting next start of apps/web on ${driver}${taskHost === "worker" ? ", with bun run worker" : ""}`,
  );
  const bootStart = performance.now();
  try {
    await withLoadSession(
      driver,
      { historyRows, taskHost },
      async ({ database, app, worker, organizationId, secret }) => {
        console.log(`  ready at ${app.url} in ${ms(performance.now() - bootStart)}`);
        await measure(database, app, worker, organizationId, secret);
      },
    );
    return true;
  } catch (error) {
    console.error("load failed:", error);
    return false;
  }

  async function measure(
    database: LoadDatabase,
    app: WebApp,
    worker: TaskWorker | null,
    organizationId: string,
    secret: string,
  ) {
    const sent: Delivery[] = [];
    const sentIds = new Set<string>();
    const acknowledgedIds = new Set<string>();
    const rows: RunReport["rows"] = [];
    const notes: string[] = [];
    let fiveHundreds = 0;
    let shed = 0;
    let failures = 0;
    for (const [index, phase] of loadPlan(size).entries()) {
      const events = freshEvents((Date.now() % 1_000_000_000) + index, phase.count);
      let nextFresh = 0;
      const cpuMeter = startCpuMeter({
        app: app.cpuMs,
        ...(worker ? { worker: worker.cpuMs } : {}),
        PostgreSQL: database.cpuMs,
        "load generator": ownCpuMs,
      });
      const result = await runOpenLoop({
        url: app.url,
        secret,
        rate: phase.rate,
        count: phase.count,
        maxDurationMs: (phase.count / phase.rate) * 1000 * 1.5,
        maxInFlight: 256,
        next: () => {
          const redeliver = sent.length > 0 && Math.random() < phase.redeliveries;
          const delivery = redeliver
            ? { ...sent[Math.floor(Math.random() * sent.length)]!, redelivery: true }
            : events[nextFresh++]!;
          if (!redeliver) sent.push(delivery);
          sentIds.add(delivery.eventId);
          return delivery;
        },
      });
      const cpu = cpuPerRequest(cpuMeter(), result.outcomes.length);
      const ok = result.outcomes.filter((o) => o.status >= 200 && o.status < 300);
      for (const outcome of ok) acknowledgedIds.add(outcome.eventId);
      const errors = result.outcomes.filter((o) => o.status < 200 || o.status >= 300);
      const redelivered = result.outcomes.filter((o) => o.redelivery);
      const shedNow = result.outcomes.filter((o) => o.status === SHED_STATUS);
      shed += shedNow.length;
      fiveHundreds += result.outcomes.filter((o) => o.status >= 500 && o.status !== SHED_STATUS).length;
      failures += result.outcomes.filter((o) => o.status === 0).length;
      if (errors.length > 0)
        notes.push(
          `${phase.name}: ${errors.length} errors, first: HTTP ${errors[0]!.status} ${errors[0]!.error}`,
        );
      if (phase.kind === "warm-up") {
        await database.analyzeAfterWarmUp();
        continue;
      }
      // A shed delivery answers at once and stores nothing: it would flatter the latency of the others.
      const stats = summarize(
        result.outcomes.filter((o) => o.status !== SHED_STATUS).map((o) => o.latencyMs),
      );
      const decisions = ok.filter((o) => !o.redelivery).length / (result.elapsedMs / 1000);
      const label = phase.name;
      rows.push(
        [
          `${label}: requests answered (2xx / all)`,
          `${count(ok.length)} / ${count(result.outcomes.length)}`,
          "",
          "",
        ],
        [`${label}: p50 / p99`, `${ms(stats.p50)} / ${ms(stats.p99)}`, "", ""],
        [
          `${label}: p95`,
          ms(stats.p95),
          phase.kind === "latency" ? "< 25 ms" : "",
          phase.kind === "latency" ? verdict(stats.p95 < 25) : "",
        ],
        [
          `${label}: new events decided per second`,
          `${count(decisions)}/s`,
          phase.kind === "capacity" ? "≥ 1 000/s" : `(offered ${count(phase.rate)}/s)`,
          phase.kind === "capacity" ? verdict(decisions >= 1_000) : "",
        ],
        [`${label}: CPU per request`, cpu.text, "", ""],
      );
      if (redelivered.length > 0) {
        const flagged = redelivered.filter((o) => o.duplicate === true).length;
        const concurrent = redelivered.length - flagged;
        notes.push(
          `${label}: ${count(redelivered.length)} redeliveries, ${count(flagged)} answered \`duplicate: true\`` +
            (concurrent > 0
              ? `; ${concurrent} overtook their first delivery (stored first, so that one was the duplicate).`
              : "."),
        );
      }
      if (shedNow.length > 0)
        notes.push(
          `${label}: ${count(shedNow.length)} deliveries shed with 503 (not in the latency figures).`,
        );
      if (result.notSent > 0)
        notes.push(`${label}: ${count(result.notSent)} deliveries not sent (256 requests already waiting).`);
    }

    // The embedded database is the app's own until it stops.
    if (driver === "pglite") await app.stop();
    const check = await database.use((handle) =>
      checkStore(
        (text, params) => (handle.client as unknown as { query: Query }).query(text, params),
        organizationId,
        sentIds,
        acknowledgedIds,
      ),
    );
    rows.push(
      ["events: distinct sent / stored", `${count(check.distinctSent)} / ${count(check.stored)}`, "", ""],
      ["charges stored / detections", `${count(check.transactions)} / ${count(check.detections)}`, "", ""],
      [
        "in-app scoring time p50 / p95 (detections.latency_ms)",
        `${ms(check.scoringP50)} / ${ms(check.scoringP95)}`,
        "",
        "",
      ],
      ["503 overloaded (shed before storing, Stripe retries)", count(shed), "", ""],
      ["other 5xx answers", count(fiveHundreds), "0", verdict(fiveHundreds === 0)],
      ["requests unanswered (client timeout 30 s, connection reset)", count(failures), "", ""],
      [
        "lost / duplicated (events, charges, detections)",
        `${check.lost} / ${check.duplicated + check.unexpected}`,
        "0 / 0",
        verdict(check.lost === 0 && check.duplicated === 0 && check.unexpected === 0 && check.unscored === 0),
      ],
    );
    notes.push(
      `Fresh events are in time order except ${OUT_OF_ORDER_SHARE * 100} % delivered up to 5 places late (out of order); redeliveries repeat random earlier events.`,
      `Stripe event statuses: ${JSON.stringify(check.statuses)}; charges without a detection: ${check.unscored}; ` +
        `${count(check.unanswered)} events never answered 2xx (timed out, reset or shed) and not processed: Stripe would deliver them again, so they are not lost.`,
      `Before the run: ${count(historyRows)} payments of imported history over 90 days (never scored), ` +
        "loaded with multi-row inserts, then VACUUM (ANALYZE) as autovacuum would have and a checkpoint; the load's events follow them.",
      "Open loop: requests leave at the fixed rate whatever the answers take; latency counts from the " +
        "intended send time, so a late generator shows up as latency. Generator, app (`next start`, " +
        `NODE_ENV=production, LOG_LEVEL info, ${worker ? "no task host: `bun run worker` runs the tasks, niced" : "inline task host"}) ` +
        `and ${driver === "pg" ? "PostgreSQL" : "its embedded PGlite"} share the machine.`,
    );
    const report: RunReport = {
      section,
      size,
      command,
      rows,
      notes,
    };
    writeReport(report);
    printReport(report);
    // A saturated server that times out is a measurement (reported above); only a broken run fails the command.
    if (failures > 0)
      console.warn(
        `${failures} requests timed out or were reset; the app log ends:\n${tail(app.logFile, 5)}`,
      );
  }
}
