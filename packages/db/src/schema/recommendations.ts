import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";
import { ruleAction, ruleMode, rules } from "./rules";

/** `pending` until the merchant applies it (a rule is created) or rejects it (with a reason). */
export const recommendationStatus = pgEnum("recommendation_status", ["pending", "applied", "rejected"]);

/**
 * A rule `rules.recommend` proposes from the organization's own patterns, with the 90-day backtest that let it
 * through (it never stops less fraud than the legitimate revenue it hits). One row per organization and rule
 * text: a pattern seen again refreshes the pending row, and a decided one is not proposed again.
 */
export const ruleRecommendations = pgTable(
  "rule_recommendations",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    text: text().notNull(),
    action: ruleAction().notNull(),
    /** Which pattern it answers: `fraud_card_country`, `card_velocity`, `repeated_amount`, ... */
    pattern: text().notNull(),
    /** The pattern's figures (counts, shares, thresholds): never a card, an email or an IP. */
    evidence: jsonb().$type<Record<string, unknown>>().notNull(),
    backtest: jsonb().$type<Record<string, unknown>>().notNull(),
    rationale: text().notNull(),
    /** `llm` or `template`. */
    rationaleSource: text().notNull(),
    language: text().notNull(),
    /** Its place in the run that last proposed it, 1 = the most fraud stopped: the order the inbox lists a run in. */
    rank: integer().notNull().default(1),
    status: recommendationStatus().notNull().default("pending"),
    ruleId: text().references(() => rules.id, { onDelete: "set null" }),
    appliedMode: ruleMode(),
    rejectReason: text(),
    decidedBy: text(),
    decidedAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.organizationId, t.text),
    index().on(t.organizationId, t.createdAt, t.rank, t.id),
  ],
);
