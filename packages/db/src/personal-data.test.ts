import { is } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { PERSONAL_DATA_COLUMNS } from "./personal-data";
import * as schema from "./schema";

/** Table name → its columns as the database names them (the client maps keys with `casing: "snake_case"`). */
const tables = new Map(
  Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      const columns = config.columns.map((column) => ({
        name: column.keyAsName ? toSnakeCase(column.name) : column.name,
        dataType: column.dataType,
      }));
      return [config.name, columns] as const;
    }),
);

const registered = new Set(PERSONAL_DATA_COLUMNS.map(({ table, column }) => `${table}.${column}`));

describe("PERSONAL_DATA_COLUMNS", () => {
  it.each(PERSONAL_DATA_COLUMNS.map((entry) => [`${entry.table}.${entry.column}`, entry] as const))(
    "%s is a real column of the schema",
    (_, { table, column }) => {
      expect(
        tables.get(table)?.map((c) => c.name),
        `no table ${table}`,
      ).toContain(column);
    },
  );

  it("registers every email, IP address, user agent and name column of the tables it lists", () => {
    const pattern = /email|ip_address|user_agent|name/;
    const listed = new Set(PERSONAL_DATA_COLUMNS.map((entry) => entry.table));
    const missing = [...listed].flatMap((table) =>
      (tables.get(table) ?? [])
        // A boolean (`email_verified`) cannot hold the data it is named after.
        .filter((column) => pattern.test(column.name) && column.dataType !== "boolean")
        .map((column) => `${table}.${column.name}`)
        .filter((name) => !registered.has(name)),
    );
    expect(missing).toEqual([]);
  });
});
