import { index, pgTable, text } from "drizzle-orm/pg-core";
import { organization, user } from "./auth";
import { createdAt, timestamptz } from "./columns";

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
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (t) => [index().on(t.organizationId)],
);
