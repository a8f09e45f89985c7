import { type DatabaseHandle, migrateDatabase, openDatabase } from "@orylo/db";
import { startPostgresServer } from "@orylo/testkit/postgres-server";
import { afterAll, beforeAll, describe } from "vitest";
import { backtestHistoryPagesCases } from "./backtest-history-pages-cases";

let server: Awaited<ReturnType<typeof startPostgresServer>>;
let handle: DatabaseHandle;

beforeAll(async () => {
  server = await startPostgresServer();
  handle = await openDatabase({ driver: "pg", url: server.url });
  await migrateDatabase(handle);
});
afterAll(async () => {
  await handle?.close();
  await server?.stop();
});

describe("backtest history pages (PostgreSQL)", () => backtestHistoryPagesCases(async () => handle.db));
