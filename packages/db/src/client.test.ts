import { createTestOrganization, getTestDatabase, rollbackAfter } from "@orylo/db/testing";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { driverFromUrl } from "./client";
import { organization } from "./schema";

describe("driverFromUrl", () => {
  it.each([
    [undefined, "pglite"],
    ["", "pglite"],
    ["postgresql://u:p@ep-cool-name-123.eu-central-1.aws.neon.tech/db?sslmode=require", "neon"],
    ["postgres://u:p@db.example.com:5432/db", "pg"],
    ["postgres://u:p@neon.tech.example.com/db", "pg"],
    ["postgres://localhost/db", "pg"],
  ] as const)("%s → %s", (url, driver) => {
    expect(driverFromUrl(url)).toBe(driver);
  });
});

describe("PGlite", () => {
  it("is migrated: every table of the schema exists", async () => {
    const { db } = await getTestDatabase();
    const tables = await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = (tables as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining(["organization", "transactions", "detections", "task_outbox"]),
    );
  });

  it("rolls a failed transaction back", async () => {
    const { db } = await getTestDatabase();
    const id = `org_rollback_${Date.now()}`;
    await expect(
      db.transaction(async (tx) => {
        await createTestOrganization(tx, { id });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.select().from(organization).where(eq(organization.id, id))).toEqual([]);
  });

  it("rollbackAfter discards what the test wrote and returns its result", async () => {
    const { db } = await getTestDatabase();
    const created = await rollbackAfter(db, (tx) => createTestOrganization(tx));
    expect(created.timeZone).toBe("UTC");
    expect(await db.select().from(organization).where(eq(organization.id, created.id))).toEqual([]);
  });
});
