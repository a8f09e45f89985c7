import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { migrate as migrateNeon } from "drizzle-orm/neon-serverless/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./client";

const JOURNAL = join("meta", "_journal.json");

/**
 * Any constant shared by every Orylo process: two processes booting at once (two app instances, a deploy and
 * a script) would otherwise both create drizzle's bookkeeping schema and apply the same migration.
 */
const MIGRATION_LOCK_KEY = 7_364_911_205_118_001n;

/**
 * The app runs with cwd apps/web, scripts with cwd at the root: walk up to the folder holding
 * `drizzle/meta/_journal.json`. `ORYLO_MIGRATIONS_DIR` (the `drizzle` folder itself) wins when set.
 */
export function findMigrationsFolder(start: string = process.cwd()): string {
  const override = process.env.ORYLO_MIGRATIONS_DIR;
  if (override) {
    const folder = resolve(override);
    if (!existsSync(join(folder, JOURNAL))) {
      throw new Error(`ORYLO_MIGRATIONS_DIR=${override} has no ${JOURNAL}: point it at the drizzle/ folder.`);
    }
    return folder;
  }
  let dir = resolve(/*turbopackIgnore: true*/ start);
  for (;;) {
    const folder = join(dir, "drizzle");
    if (existsSync(join(folder, JOURNAL))) return folder;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No drizzle/${JOURNAL} in ${resolve(/*turbopackIgnore: true*/ start)} or any parent: run from the repository, or set ORYLO_MIGRATIONS_DIR.`,
      );
    }
    dir = parent;
  }
}

export async function migrateDatabase(
  handle: DatabaseHandle,
  options: { migrationsFolder?: string } = {},
): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder();
  switch (handle.driver) {
    case "pglite":
      // One connection, and the embedded lock keeps other processes out: nothing to serialize.
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
      return;
    case "pg": {
      const connection = await handle.client.connect();
      await withMigrationLock(connection, () =>
        migratePg(drizzlePg({ client: connection }), { migrationsFolder }),
      );
      return;
    }
    case "neon": {
      const connection = await handle.client.connect();
      await withMigrationLock(connection, () =>
        migrateNeon(drizzleNeon({ client: connection }), { migrationsFolder }),
      );
      return;
    }
  }
}

interface LockConnection {
  query(text: string, values: unknown[]): Promise<unknown>;
  release(): void;
}

/** An advisory lock belongs to a connection: the lock and the migrator share one pool client. */
async function withMigrationLock(connection: LockConnection, run: () => Promise<void>): Promise<void> {
  const key = [MIGRATION_LOCK_KEY.toString()];
  try {
    await connection.query("select pg_advisory_lock($1)", key);
    try {
      await run();
    } finally {
      await connection.query("select pg_advisory_unlock($1)", key);
    }
  } finally {
    connection.release();
  }
}
