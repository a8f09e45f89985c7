import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { startPostgresServer } from "@orylo/testkit/postgres-server";

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
  stop(): Promise<void>;
}

export async function openLoadDatabase(driver: LoadDriver, workDir: string): Promise<LoadDatabase> {
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
      stop: async () => {},
    };
  }
  const server = await startPostgresServer();
  const handle = await openDatabase({ driver: "pg", url: server.url });
  return {
    appEnv: { DATABASE_URL: server.url, ORYLO_DATA_DIR: join(workDir, "data") },
    use: (fn) => fn(handle),
    stop: async () => {
      await handle.close().catch(() => {});
      await server.stop();
    },
  };
}

/**
 * Migrates the database, creates the merchant the events belong to, and returns the production environment
 * `next start` gets for it (fresh secrets; the platform webhook secret signs every delivery).
 */
export async function prepareLoadApp(database: LoadDatabase) {
  const organization = await database.use(async (handle) => {
    await migrateDatabase(handle);
    return createTestOrganization(handle.db);
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
