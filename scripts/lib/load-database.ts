import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { startPostgresServer } from "@orylo/testkit/postgres-server";
import { loadInBatches, rawQuery } from "./bulk-load";
import { parentPid, postgresServerCpuMs } from "./process-cpu";
import { syntheticHistory } from "./synthetic-history";

export type LoadDriver = "pg" | "pglite";

/**
 * The database the app runs on under load, and how a script reads it before and after the run. PGlite is
 * embedded in the app's process and locked while open: the script sets it up, closes it, starts the app, and
 * reads it again once the app has stopped.
 */
export interface LoadDatabase {
  appEnv: Record<string, string>;
  /** Runs `fn` on a handle of the database (open only while it runs for PGlite). */
  use<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  /** CPU time the PostgreSQL server used so far, in milliseconds (NaN for PGlite, which runs in the app). */
  cpuMs(): number;
  /**
   * After the warm-up: statistics for the tables it filled, as autovacuum gives them within a running
   * deployment's first minutes. Statements prepared on tables never analyzed (the warm-up's detections,
   * explanations, outbox) keep a generic plan made for empty tables on each connection until then: the
   * explanation read took 1 ms instead of 0.05 ms in some runs. PGlite is locked by the app meanwhile: a no-op.
   */
  analyzeAfterWarmUp(): Promise<void>;
  stop(): Promise<void>;
}

/** `serverSettings` go to the PostgreSQL server the script starts (`-c name=value`). */
export async function openLoadDatabase(
  driver: LoadDriver,
  workDir: string,
  serverSettings: Record<string, string> = {},
): Promise<LoadDatabase> {
  if (driver === "pglite") {
    const dataDir = join(workDir, "data");
    return {
      appEnv: { ORYLO_DATA_DIR: dataDir },
      use: async (fn) => {
        const handle = await openDatabase({ driver: "pglite", dataDir: join(dataDir, "pglite") });
        try {
          return await fn(handle);
        } finally {
          await handle.close();
        }
      },
      cpuMs: () => Number.NaN,
      analyzeAfterWarmUp: async () => {},
      stop: async () => {},
    };
  }
  const server = await startPostgresServer({ settings: serverSettings });
  const handle = await openDatabase({ driver: "pg", url: server.url });
  const { rows } = await rawQuery(handle)("select pg_backend_pid() as pid");
  const postmasterPid = parentPid(Number((rows[0] as { pid: number }).pid));
  return {
    appEnv: { DATABASE_URL: server.url, ORYLO_DATA_DIR: join(workDir, "data") },
    use: (fn) => fn(handle),
    cpuMs: () => postgresServerCpuMs(postmasterPid),
    analyzeAfterWarmUp: async () => {
      await rawQuery(handle)("analyze");
    },
    stop: async () => {
      await handle.close().catch(() => {});
      await server.stop();
    },
  };
}

const DAY_MS = 86_400_000;

/**
 * Migrates the database, creates the merchant the events belong to with `historyRows` payments of imported
 * history, and returns the production environment `next start` gets for it (fresh secrets; the platform
 * webhook secret signs every delivery).
 *
 * The history is SPEC §G's "data loaded before timing starts": a merchant connects with 90 days of backfill,
 * and live features read a table of that size. It ends the day before the load's events begin, as imported
 * history (never scored), and is then vacuumed and analyzed as autovacuum would have. Without statistics,
 * PostgreSQL plans the live-features statement for the empty table (sequential scans) and keeps that generic
 * plan on each connection until autovacuum first analyzes the table: the first minute of a fresh database
 * then measures a plan no running deployment has (docs/performance.md). A checkpoint then leaves WAL segments
 * to recycle, as a running server has.
 */
export async function prepareLoadApp(database: LoadDatabase, { historyRows }: { historyRows: number }) {
  const organization = await database.use(async (handle) => {
    await migrateDatabase(handle);
    const created = await createTestOrganization(handle.db);
    const query = rawQuery(handle);
    const end = new Date(Date.now() - 2 * DAY_MS);
    await loadInBatches(query, created.id, syntheticHistory({ seed: 11, count: historyRows, end }), {
      batchSize: 5_000,
      history: true,
    });
    await query("vacuum (analyze) transactions");
    // A running server reuses the WAL segments its checkpoints free; a fresh one creates and zero-fills a new
    // 16 MB segment every ten seconds or so under load, and every commit waits meanwhile (IO:WALInitWrite).
    await query("checkpoint").catch((error: Error) =>
      console.warn(`  checkpoint refused (${error.message}): the run will create WAL segments as it goes`),
    );
    return created;
  });
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    STRIPE_WEBHOOK_SECRET: secret,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    ORYLO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ORYLO_DEFAULT_ORGANIZATION: organization.id,
    ...database.appEnv,
  };
  return { organizationId: organization.id, secret, env };
}
