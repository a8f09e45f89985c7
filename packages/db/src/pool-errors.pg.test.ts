import { startPostgresServer } from "@orylo/testkit/postgres-server";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

let server: Awaited<ReturnType<typeof startPostgresServer>>;
beforeAll(async () => {
  server = await startPostgresServer();
});
afterAll(() => server?.stop());

describe("a pooled connection the server kills", () => {
  it("is reported, not thrown, and the next query gets a fresh connection", async () => {
    const lost: Error[] = [];
    const handle = await openDatabase({
      driver: "pg",
      url: server.url,
      onPoolError: (error) => lost.push(error),
    });
    await handle.db.execute(sql`select 1`);

    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and datname = current_database()",
    );
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(lost.length).toBeGreaterThan(0);
    expect(lost[0]?.message).toMatch(/terminating connection/);
    await expect(handle.db.execute(sql`select 1`)).resolves.toBeDefined();
    await handle.close();
  });
});
