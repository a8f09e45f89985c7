import { bigint, boolean, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt } from "./columns";

/**
 * The AI usage ledger: one row per explanation, suggestion or recommendation attempt, whoever answered it (an
 * LLM, the structure cache, or the templates at zero cost). The monthly budget sums `cost_micros`.
 */
export const aiUsage = pgTable(
  "ai_usage",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    /** `explanation`, `suggestion`, `recommendation`, `rule_draft`. */
    feature: text().notNull(),
    /** `openai`, `anthropic`, `cache` or `templates`. */
    provider: text().notNull(),
    model: text().notNull(),
    promptVersion: text().notNull(),
    inputTokens: integer().notNull().default(0),
    outputTokens: integer().notNull().default(0),
    /** Millionths of a US dollar: integers add up exactly. */
    costMicros: bigint({ mode: "number" }).notNull().default(0),
    latencyMs: integer().notNull().default(0),
    cacheHit: boolean().notNull().default(false),
    /** `ok`, or `error` for a provider call that failed (the chain then moved on). */
    outcome: text({ enum: ["ok", "error"] }).notNull(),
    error: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.organizationId, t.createdAt)],
);
