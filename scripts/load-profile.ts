// bun run load:profile [-- --rate 100 --seconds 30 --driver pg|pglite --history 100000 --out file.cpuprofile] —
// `next start` of apps/web (its merchant with `--history` payments of imported history) under `node --cpu-prof`
// at a steady rate of fresh signed Stripe events; prints the latency, the app's CPU per request and where that
// CPU went: samples by source area (the bundle mapped back to our files) and by whose work. `--out` keeps the
// profile (Chrome DevTools opens it).
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { rawQuery } from "./lib/bulk-load";
import { type AreaCount, summarizeProfile } from "./lib/cpu-profile-areas";
import { ms, summarize } from "./lib/latency-stats";
import type { LoadDriver } from "./lib/load-database";
import { freshEvents } from "./lib/load-plan";
import { withLoadSession } from "./lib/load-session";
import { runOpenLoop } from "./lib/open-loop";
import {
  printTopStatements,
  STATEMENT_STATISTICS,
  startStatementStatistics,
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
  },
});
const rate = Number(values.rate);
const count = Math.round(rate * Number(values.seconds));
const driver = values.driver as LoadDriver;
if (!(rate > 0 && count > 0) || !["pg", "pglite"].includes(driver)) {
  console.error("usage: bun run load:profile -- [--rate n] [--seconds n] [--driver pg|pglite]");
  process.exit(2);
}

await ensureWebBuilt();
await withLoadSession(
  driver,
  {
    historyRows: Number(values.history),
    serverSettings: STATEMENT_STATISTICS,
    nodeArgs: (workDir) => ["--cpu-prof", `--cpu-prof-dir=${join(workDir, "profile")}`],
  },
  async ({ app, database, secret, workDir }) => {
    const drive = (phaseRate: number, phaseCount: number, seed: number) => {
      const events = freshEvents(seed, phaseCount);
      return runOpenLoop({
        url: app.url,
        secret,
        rate: phaseRate,
        count: phaseCount,
        maxDurationMs: (phaseCount / phaseRate) * 1500,
        maxInFlight: 256,
        next: (index) => events[index]!,
      });
    };
    await drive(50, 200, 1);
    const statements = await database.use((handle) => startStatementStatistics(rawQuery(handle)));
    const cpuBefore = app.cpuMs();
    const runStart = performance.now();
    const result = await drive(rate, count, 2);
    const runEnd = performance.now();
    const cpu = app.cpuMs() - cpuBefore;
    const answered = result.outcomes.filter((o) => o.status >= 200 && o.status < 300);
    const stats = summarize(answered.map((o) => o.latencyMs));
    console.log(
      `${driver}, ${rate} req/s for ${values.seconds} s: ${answered.length}/${result.outcomes.length} answered 2xx, ` +
        `p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, p99 ${ms(stats.p99)}, max ${ms(stats.max)}; ` +
        `app CPU per request ${ms(cpu / Math.max(1, result.outcomes.length))} (profiler on)`,
    );
    await database.use(async (handle) => printTopStatements(await statements(rawQuery(handle))));
    await app.stop();
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
