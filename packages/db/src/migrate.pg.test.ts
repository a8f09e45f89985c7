import { readFileSync } from "node:fs";
import { neonConfig } from "@neondatabase/serverless";
import { createTestOrganization } from "@orylo/db/testing";
import { type NeonWebSocketProxy, startNeonWebSocketProxy } from "@orylo/testkit/neon-websocket-proxy";
import { type PostgresServer, startPostgresServer } from "@orylo/testkit/postgres-server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseDriver, type DatabaseHandle, openDatabase } from "./client";
import { findMigrationsFolder, migrateDatabase } from "./migrate";
import { organization } from "./schema";

let server: PostgresServer;
let proxy: NeonWebSocketProxy;
const handles: DatabaseHandle[] = [];

beforeAll(async () => {
  server = await startPostgresServer();
  proxy = await startNeonWebSocketProxy({ port: Number(new URL(server.url).port) });
  Object.assign(neonConfig, proxy.neonConfig);
});

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
  await proxy?.stop();
  await server?.stop();
});

async function open(driver: Exclude<DatabaseDriver, "pglite">): Promise<DatabaseHandle> {
  const handle = await openDatabase({ driver, url: server.url });
  handles.push(handle);
  return handle;
}

async function rowsOf<T>(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

// First: the database is still empty, so every opener really races to create drizzle's schema and tables.
it("applies the migrations once when several processes migrate at the same time", async () => {
  const openers = await Promise.all([open("pg"), open("pg"), open("neon"), open("neon")]);
  await Promise.all(openers.map((handle) => migrateDatabase(handle)));
  const applied = await rowsOf<{ hash: string }>(
    openers[0]!,
    sql`select hash from drizzle.__drizzle_migrations`,
  );
  const journal = JSON.parse(readFileSync(`${findMigrationsFolder()}/meta/_journal.json`, "utf8"));
  expect(applied).toHaveLength(journal.entries.length);
});

describe.each(["pg", "neon"] as const)("%s driver", (driver) => {
  it("migrates (again, as a no-op) and sees every table", async () => {
    const handle = await open(driver);
    await migrateDatabase(handle);
    const tables = await rowsOf<{ table_name: string }>(
      handle,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["organization", "transactions", "detections", "task_outbox", "stripe_events"]),
    );
  });

  it("commits a transaction, and rolls a failed one back", async () => {
    const { db } = await open(driver);
    const kept = await db.transaction((tx) => createTestOrganization(tx));
    const id = `org_rollback_${driver}_${Date.now()}`;
    await expect(
      db.transaction(async (tx) => {
        await createTestOrganization(tx, { id });
        // Visible inside the transaction: the driver really runs an interactive transaction.
        expect(await tx.select().from(organization).where(eq(organization.id, id))).toHaveLength(1);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.select().from(organization).where(eq(organization.id, id))).toEqual([]);
    expect(await db.select().from(organization).where(eq(organization.id, kept.id))).toHaveLength(1);
    if (driver === "neon") expect(proxy.connections).toBeGreaterThan(0);
  });
});
