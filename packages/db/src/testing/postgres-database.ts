import { type PostgresServer, startPostgresServer } from "@orylo/testkit/postgres-server";
import { afterAll, beforeAll } from "vitest";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "../index";

/**
 * For a `*.pg.test.ts` file: a PostgreSQL server of its own, started and migrated before its tests and
 * stopped after them. Call the returned function inside tests and hooks (the handle exists once `beforeAll` has run).
 */
export function usePostgresDatabase(): () => DatabaseHandle {
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
  return () => {
    if (!handle) throw new Error("the PostgreSQL database is not ready yet: read it inside a test or a hook");
    return handle;
  };
}
