import { index, jsonb, pgEnum, pgTable, real, text } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt } from "./columns";

/** What a merchant did with an AI proposal: took it as it was, turned it down, or changed it and took that. */
export const aiFeedbackAction = pgEnum("ai_feedback_action", ["accepted", "rejected", "edited"]);

/**
 * The feedback ledger: every accept, reject and edit of any AI proposal (suggestions, rule recommendations,
 * rule drafts…), with what was shown. Acceptance rates by kind and prompt version, and the daily confidence
 * recalibration, read it.
 */
export const aiFeedback = pgTable(
  "ai_feedback",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    /** `whitelist`, `blacklist`, `rule_recommendation`, `rule_draft`, … (core's `AiProposalKind`). */
    kind: text().notNull(),
    /** The proposal's own id in its table (a suggestion, a recommendation, a draft). */
    proposalId: text().notNull(),
    action: aiFeedbackAction().notNull(),
    reason: text(),
    /** What the merchant applied instead, when they edited the proposal. */
    editedValue: jsonb().$type<unknown>(),
    /** The confidence (0–1) the merchant saw, when the proposal had one. */
    confidence: real(),
    promptVersion: text().notNull(),
    /** Who acted (`user:…`, `api_key:…`), as `describeActor` writes it. */
    actor: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.organizationId, t.kind, t.createdAt)],
);
