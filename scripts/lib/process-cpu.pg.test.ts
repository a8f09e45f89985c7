// Full suite: the CPU figures `bun run load` reports for PostgreSQL come from /proc, read here against a real server.
import { type DatabaseHandle, openDatabase } from "@orylo/db";
import { type PostgresServer, startPostgresServer } from "@orylo/testkit/postgres-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rawQuery } from "./bulk-load";
import { cpuPerRequest, parentPid, postgresServerCpuMs, startCpuMeter } from "./process-cpu";

let server: PostgresServer;
let handle: DatabaseHandle;

beforeAll(async () => {
  server = await startPostgresServer();
  handle = await openDatabase({ driver: "pg", url: server.url });
});

afterAll(async () => {
  await handle?.close();
  await server?.stop();
});

it("counts the CPU a PostgreSQL server spends on a query, through its postmaster", async () => {
  const query = rawQuery(handle);
  const { rows } = await query("select pg_backend_pid() as pid");
  const postmaster = parentPid(Number((rows[0] as { pid: number }).pid));
  expect(postmaster).not.toBeNull();
  const meter = startCpuMeter({
    PostgreSQL: () => postgresServerCpuMs(postmaster),
    unreadable: () => Number.NaN,
  });
  await query("select count(*) from generate_series(1, 5000000)");
  const used = meter();
  expect(Object.keys(used)).toEqual(["PostgreSQL"]);
  expect(used.PostgreSQL).toBeGreaterThanOrEqual(100);
  expect(cpuPerRequest({ app: 30, PostgreSQL: 10 }, 10)).toEqual({
    text: "app 3.00 ms, PostgreSQL 1.00 ms; all 4.00 ms",
    totalMs: 4,
  });
});
