import { PGlite } from "@electric-sql/pglite";
import { Pool as NeonPool, neonConfig } from "@neondatabase/serverless";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import ws from "ws";
import { acquireDataDirLock } from "./embedded-lock";
import * as schema from "./schema";

export type Schema = typeof schema;

/**
 * One type for the three drivers: data access is written once against it. Raw `execute` results are typed
 * `unknown` at this level (each driver shapes them differently): prefer the query builder.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What data-access functions take first, so they run the same inside or outside a transaction. */
export type Executor = Database | Transaction;

export type DatabaseDriver = "pglite" | "pg" | "neon";

export interface OpenDatabaseOptions {
  driver: DatabaseDriver;
  /** Required for `pg` and `neon`. */
  url?: string;
  /** PGlite only: its data directory (locked against a second opener); undefined = in memory. */
  dataDir?: string;
  /**
   * pg/Neon: an idle pooled connection that breaks (server restart, failover, admin termination) is reported
   * here instead of crashing the process; the pool replaces it on the next query. Defaults to stderr.
   */
  onPoolError?: (error: Error) => void;
}

const reportPoolError = (error: Error) => {
  process.stderr.write(`database pool: idle connection lost (${error.message}); it will be replaced\n`);
};

interface HandleBase {
  db: Database;
  close(): Promise<void>;
}
/** The raw client is exposed for what Drizzle cannot do (a dedicated connection, pglite-socket). */
export type DatabaseHandle =
  | (HandleBase & { driver: "pglite"; client: PGlite })
  | (HandleBase & { driver: "pg"; client: pg.Pool })
  | (HandleBase & { driver: "neon"; client: NeonPool });

const config = { schema, casing: "snake_case" } as const;

/** Embedded mode is "no URL"; Neon is recognized by its host; anything else is plain PostgreSQL. */
export function driverFromUrl(url?: string): DatabaseDriver {
  if (!url) return "pglite";
  const host = new URL(url).hostname.toLowerCase();
  return host === "neon.tech" || host.endsWith(".neon.tech") ? "neon" : "pg";
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  switch (options.driver) {
    case "pglite":
      return openPglite(options.dataDir);
    case "pg": {
      const client = new pg.Pool({ connectionString: requireUrl(options) });
      client.on("error", options.onPoolError ?? reportPoolError);
      const db = drizzlePg({ client, ...config }) as unknown as Database;
      return { driver: "pg", db, client, close: () => client.end() };
    }
    case "neon": {
      // The WebSocket Pool, not the HTTP driver: the HTTP driver has no interactive transactions.
      neonConfig.webSocketConstructor ??= ws;
      const client = new NeonPool({ connectionString: requireUrl(options) });
      client.on("error", options.onPoolError ?? reportPoolError);
      const db = drizzleNeon({ client, ...config }) as unknown as Database;
      return { driver: "neon", db, client, close: () => client.end() };
    }
  }
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  // Two PGlite instances on one directory corrupt it: take the lock before opening (ARCHITECTURE §2).
  const lock = dataDir ? acquireDataDirLock(dataDir) : undefined;
  try {
    const client = await PGlite.create(dataDir ? { dataDir } : {});
    const db = drizzlePglite({ client, ...config }) as unknown as Database;
    const close = async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    };
    return { driver: "pglite", db, client, close };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function requireUrl(options: OpenDatabaseOptions): string {
  if (!options.url) throw new Error(`The ${options.driver} driver needs a database URL.`);
  return options.url;
}
