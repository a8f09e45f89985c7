import { jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt } from "./columns";
import { detections } from "./detections";

/**
 * pending → ready (written by a provider) | fallback (templates, after the providers failed or were off)
 * | failed (nothing could be written: the trace was unreadable).
 */
export const explanationStatus = pgEnum("explanation_status", ["pending", "ready", "fallback", "failed"]);

/**
 * The plain-language explanation of one detection, written by the `detection.explain` task after the
 * decision. The row is created `pending` in the detection's own transaction, so the API can say so at once.
 */
export const detectionExplanations = pgTable("detection_explanations", {
  detectionId: text()
    .primaryKey()
    .references(() => detections.id, { onDelete: "cascade" }),
  organizationId: text()
    .notNull()
    .references(() => organization.id, { onDelete: "cascade" }),
  status: explanationStatus().notNull().default("pending"),
  /** The organization's language when the detection was made (`fr`, `en`). */
  language: text().notNull(),
  /** The `Explanation` of @orylo/ai (summary, factors, recommended action, confidence), once written. */
  explanation: jsonb().$type<Record<string, unknown>>(),
  /** `template` or `llm` (with the LLM providers). */
  source: text(),
  error: text(),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});
