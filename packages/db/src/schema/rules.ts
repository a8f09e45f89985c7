import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";

export const ruleAction = pgEnum("rule_action", ["allow", "review", "block", "request_3ds"]);
/** `shadow`: evaluated and traced on every payment, never enforced. */
export const ruleMode = pgEnum("rule_mode", ["enforced", "shadow"]);

/**
 * A merchant's rule in the rule language: the text as last saved (canonical, printed from the AST) and
 * the AST the engine evaluates. `version` grows with every saved change; each is kept in `rule_versions`.
 * `author`/`createdBy` name the actor (`user:<id>`, `api_key:<id>`), so they are not foreign keys.
 */
export const rules = pgTable(
  "rules",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text().notNull(),
    action: ruleAction().notNull(),
    text: text().notNull(),
    ast: jsonb().$type<Record<string, unknown>>().notNull(),
    priority: integer().notNull().default(0),
    mode: ruleMode().notNull().default("enforced"),
    enabled: boolean().notNull().default(true),
    expiresAt: timestamptz(),
    version: integer().notNull().default(1),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index().on(t.organizationId, t.enabled)],
);

/** One row per saved change of a rule, so its history (who, when, what) and diffs exist. */
export const ruleVersions = pgTable(
  "rule_versions",
  {
    ruleId: text()
      .notNull()
      .references(() => rules.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    name: text().notNull(),
    text: text().notNull(),
    ast: jsonb().$type<Record<string, unknown>>().notNull(),
    action: ruleAction().notNull(),
    priority: integer().notNull(),
    mode: ruleMode().notNull(),
    enabled: boolean().notNull(),
    expiresAt: timestamptz(),
    author: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);
