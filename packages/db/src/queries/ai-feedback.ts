import { and, count, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { aiFeedback } from "../schema";

export type NewAiFeedback = Omit<typeof aiFeedback.$inferInsert, "createdAt"> & { createdAt: Date };
export type AiFeedbackRow = typeof aiFeedback.$inferSelect;

export async function insertAiFeedback(db: Executor, row: NewAiFeedback): Promise<AiFeedbackRow> {
  const [inserted] = await db.insert(aiFeedback).values(row).returning();
  if (!inserted) throw new Error("ai_feedback insert returned no row");
  return inserted;
}

/** The ledger since `since`, counted per kind, prompt version and action. */
export async function countAiFeedback(db: Executor, organizationId: string, since: Date) {
  return db
    .select({
      kind: aiFeedback.kind,
      promptVersion: aiFeedback.promptVersion,
      action: aiFeedback.action,
      count: count(),
      averageConfidence: sql<number | null>`avg(${aiFeedback.confidence})`.mapWith(Number),
    })
    .from(aiFeedback)
    .where(and(eq(aiFeedback.organizationId, organizationId), gte(aiFeedback.createdAt, since)))
    .groupBy(aiFeedback.kind, aiFeedback.promptVersion, aiFeedback.action)
    .orderBy(aiFeedback.kind, aiFeedback.promptVersion, aiFeedback.action);
}
