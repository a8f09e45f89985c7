import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanupOnInterrupt } from "./cleanup-on-interrupt";
import { type LoadDatabase, type LoadDriver, openLoadDatabase, prepareLoadApp } from "./load-database";
import { startWebApp, tail, type WebApp } from "./web-app";

export interface LoadSession {
  database: LoadDatabase;
  app: WebApp;
  organizationId: string;
  /** Signs every delivery (the platform webhook secret the app was started with). */
  secret: string;
  /** Removed with everything else when the session ends. */
  workDir: string;
}

/**
 * A fresh database (migrated, one merchant with `historyRows` payments of imported history) and `next start`
 * on it for `body`; both stopped and their files removed afterwards, also on Ctrl-C. When `body` fails, the
 * app log's end is printed before it goes.
 */
export async function withLoadSession<T>(
  driver: LoadDriver,
  {
    historyRows,
    nodeArgs = () => [],
    serverSettings,
  }: {
    historyRows: number;
    nodeArgs?: (workDir: string) => string[];
    /** PostgreSQL server settings (`-c name=value`), pg only. */
    serverSettings?: Record<string, string>;
  },
  body: (session: LoadSession) => Promise<T>,
): Promise<T> {
  const workDir = mkdtempSync(join(tmpdir(), "orylo-load-"));
  let database: LoadDatabase | undefined;
  let app: WebApp | undefined;
  const cleanUp = async () => {
    await app?.stop();
    await database?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  const forgetCleanUp = cleanupOnInterrupt(cleanUp);
  try {
    database = await openLoadDatabase(driver, workDir, serverSettings);
    const { organizationId, secret, env } = await prepareLoadApp(database, { historyRows });
    app = await startWebApp(env, join(workDir, "next.log"), nodeArgs(workDir));
    return await body({ database, app, organizationId, secret, workDir });
  } catch (error) {
    if (app) console.error(tail(app.logFile));
    throw error;
  } finally {
    await cleanUp();
    forgetCleanUp();
  }
}
