import { type PostgresServer, startPostgresServer } from "@orylo/testkit/postgres-server";
import { afterAll, beforeAll } from "vitest";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "../index";

/**
 * For a `*.pg.test.ts` file: a PostgreSQL server of its own, started and migrated before its tests and
 * stopped after them. Call the returned function inside tests and hooks (the handle exists once `beforeAll` has run).
 */
export function usePostgresDatabase(): (() => DatabaseHandle) & {
  /** The database's connection URL, for what opens its own connections (a runtime, a spawned process). */
  url(): string;
} {
  let server: PostgresServer | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    server = await startPostgresServer();
    handle = await openDatabase({ driver: "pg", url: server.url });
    await migrateDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
    await server?.stop();
  });
  const notReady = () =>
    new Error("the PostgreSQL database is not ready yet: read it inside a test or a hook");
  const database = () => {
    if (!handle) throw notReady();
    return handle;
  };
  return Object.assign(database, {
    url: () => {
      if (!server) throw notReady();
      return server.url;
    },
  });
}
