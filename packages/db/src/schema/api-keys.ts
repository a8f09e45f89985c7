import { sql } from "drizzle-orm";
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { organization, user } from "./auth";
import { createdAt, timestamptz } from "./columns";

/** What a key may do: `read` (GET), `write` (changes), `evaluate` (`POST /api/v1/evaluate`). */
export const API_KEY_SCOPES = ["read", "write", "evaluate"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Only the SHA-256 of a key is stored; `prefix` (e.g. `ork_AbC1`) lets a merchant tell keys apart. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    scopes: text({ enum: API_KEY_SCOPES }).array().notNull().default(sql`array['read', 'write', 'evaluate']`),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (t) => [index().on(t.organizationId)],
);
