import { join } from "node:path";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "@orylo/db";
import type { Config, Logger } from "@orylo/platform";

/**
 * Opens the database the configuration names and brings it to the latest migration. An embedded (PGlite)
 * directory is locked while open: a second process gets a clear error instead of corrupting it.
 */
export async function openConfiguredDatabase(config: Config, logger?: Logger): Promise<DatabaseHandle> {
  const onPoolError = logger
    ? (error: Error) => logger.error({ err: error }, "database connection lost")
    : undefined;
  const handle =
    config.database.driver === "pglite"
      ? await openDatabase({ driver: "pglite", dataDir: join(config.dataDir, "pglite") })
      : await openDatabase({
          driver: config.database.driver,
          url: config.database.url ?? undefined,
          onPoolError,
        });
  try {
    await migrateDatabase(handle);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
