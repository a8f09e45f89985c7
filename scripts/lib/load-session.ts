import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanupOnInterrupt } from "./cleanup-on-interrupt";
import { type LoadDatabase, type LoadDriver, openLoadDatabase, prepareLoadApp } from "./load-database";
import { startTaskWorker, startWebApp, type TaskWorker, tail, type WebApp } from "./web-app";

export interface LoadSession {
  database: LoadDatabase;
  app: WebApp;
  /** The task host's own process (`taskHost: "worker"`); null when the app runs the tasks. */
  worker: TaskWorker | null;
  organizationId: string;
  /** Signs every delivery (the platform webhook secret the app was started with). */
  secret: string;
  /** Removed with everything else when the session ends. */
  workDir: string;
}

/**
 * A fresh database (migrated, one merchant with `historyRows` payments of imported history) and `next start`
 * on it (with `bun run worker` beside it for `taskHost: "worker"`) for `body`; all stopped and their files removed afterwards, also on Ctrl-C. When `body` fails, the
 * app log's end is printed before it goes.
 */
export async function withLoadSession<T>(
  driver: LoadDriver,
  {
    historyRows,
    nodeArgs = () => [],
    serverSettings,
    taskHost = "app",
  }: {
    historyRows: number;
    /** Where background tasks run: in `next start` (the default) or in `bun run worker` beside it. */
    taskHost?: "app" | "worker";
    nodeArgs?: (workDir: string) => string[];
    /** PostgreSQL server settings (`-c name=value`), pg only. */
    serverSettings?: Record<string, string>;
  },
  body: (session: LoadSession) => Promise<T>,
): Promise<T> {
  const workDir = mkdtempSync(join(tmpdir(), "orylo-load-"));
  let database: LoadDatabase | undefined;
  let app: WebApp | undefined;
  let worker: TaskWorker | null = null;
  const cleanUp = async () => {
    await app?.stop();
    await worker?.stop();
    await database?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  const forgetCleanUp = cleanupOnInterrupt(cleanUp);
  try {
    database = await openLoadDatabase(driver, workDir, serverSettings);
    const { organizationId, secret, env } = await prepareLoadApp(database, { historyRows });
    const appEnv = taskHost === "worker" ? { ...env, ORYLO_TASK_HOST: "worker" } : env;
    app = await startWebApp(appEnv, join(workDir, "next.log"), nodeArgs(workDir));
    if (taskHost === "worker") worker = await startTaskWorker(appEnv, join(workDir, "worker.log"));
    return await body({ database, app, worker, organizationId, secret, workDir });
  } catch (error) {
    if (app) console.error(tail(app.logFile));
    if (worker) console.error(tail(worker.logFile));
    throw error;
  } finally {
    await cleanUp();
    forgetCleanUp();
  }
}
