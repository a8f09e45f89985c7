import { join } from "node:path";
import { acquireDataDirLock, type DatabaseHandle, migrateDatabase, openDatabase } from "@orylo/db";
import type { Config } from "@orylo/platform";

/**
 * Opens the database the configuration names and brings it to the latest migration. In embedded mode it first
 * takes the data dir's lock: only one process may open a PGlite directory, and a second one gets a clear error.
 */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.database.driver !== "pglite") {
    const handle = await openDatabase({
      driver: config.database.driver,
      url: config.database.url ?? undefined,
    });
    await migrateDatabase(handle);
    return handle;
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const handle = await openDatabase({ driver: "pglite", dataDir: join(config.dataDir, "pglite") });
    await migrateDatabase(handle);
    return {
      ...handle,
      async close() {
        await handle.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
