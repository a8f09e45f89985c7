import { is } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { PERSONAL_DATA, type TableEntry } from "./personal-data";
import * as schema from "./schema";

/** Table name → its columns as the database names them (the client maps keys with `casing: "snake_case"`). */
const tables = new Map(
  Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      return [
        config.name,
        config.columns.map((column) => (column.keyAsName ? toSnakeCase(column.name) : column.name)),
      ] as const;
    }),
);
const registry: Record<string, TableEntry> = PERSONAL_DATA;

function classified(entry: TableEntry): string[] {
  return [...entry.personal.map((column) => column.column), ...entry.other.split(" ")];
}

describe("PERSONAL_DATA", () => {
  it("has an entry for every table of the schema", () => {
    expect([...tables.keys()].filter((table) => !registry[table])).toEqual([]);
  });

  it.each([...tables.entries()])("classifies every column of %s, and only real ones", (table, columns) => {
    const entry = registry[table];
    if (!entry) return;
    const names = classified(entry);
    expect(
      columns.filter((column) => !names.includes(column)),
      `columns of ${table} neither personal nor other`,
    ).toEqual([]);
    expect(
      names.filter((name) => !columns.includes(name)),
      `${table} lists columns it does not have`,
    ).toEqual([]);
    expect(new Set(names).size, `${table} lists a column twice`).toBe(names.length);
  });

  it("links each customer table through a real column, and dates retention by one", () => {
    for (const [table, entry] of Object.entries(registry)) {
      const columns = tables.get(table) ?? [];
      if (entry.link.by !== "none") expect(columns, `${table} link`).toContain(entry.link.column);
      if (entry.agedBy) expect(columns, `${table} agedBy`).toContain(entry.agedBy);
    }
  });

  it("classifies every email, IP address, user agent and name column as personal where the customer is linked", () => {
    const pattern = /email|ip_address|user_agent|^name$/;
    const missed = Object.entries(registry)
      .filter(([, entry]) => entry.link.by !== "none")
      .flatMap(([table, entry]) =>
        entry.other
          .split(" ")
          .filter((column) => pattern.test(column))
          .map((column) => `${table}.${column}`),
      );
    expect(missed).toEqual([]);
  });
});
