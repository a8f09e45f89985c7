import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";

export const listKind = pgEnum("list_kind", [
  "email",
  "email_domain",
  "card_fingerprint",
  "card_bin",
  "customer",
  "ip_address",
  "device_id",
  "country",
  "string",
]);
export const listItemSource = pgEnum("list_item_source", ["manual", "suggestion", "automatic"]);
/** An allow or block list decides by itself, ahead of rules; a list without an action is only read by rules. */
export const listAction = pgEnum("list_action", ["allow", "block"]);

/** A named value list; rules read it as `@name`, so the name is unique within the organization. */
export const lists = pgTable(
  "lists",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text().notNull(),
    kind: listKind().notNull(),
    action: listAction(),
    description: text(),
    createdBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.organizationId, t.name)],
);

/** `value` is normalized on the way in (emails and domains lowercased), so `(list, value)` is unique. */
export const listItems = pgTable(
  "list_items",
  {
    id: text().primaryKey(),
    listId: text()
      .notNull()
      .references(() => lists.id, { onDelete: "cascade" }),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    value: text().notNull(),
    source: listItemSource().notNull().default("manual"),
    author: text().notNull(),
    expiresAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.listId, t.value),
    index().on(t.organizationId, t.listId),
    // The hot path looks a payment's values up across the organization's allow and block lists.
    index().on(t.organizationId, t.value),
  ],
);
