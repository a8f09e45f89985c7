import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { detectionExplanations, detections, organization, transactions } from "../schema";
import { compiledStatement } from "./compiled-statement";

export type ExplanationRow = typeof detectionExplanations.$inferSelect;
export type ExplanationStatus = ExplanationRow["status"];

/** `fr-FR`, `fr_ca`, `FR` → `fr` when `fr` is supported, else `fallback`: the organization's language, in SQL. */
function organizationLanguage(supported: readonly string[], fallback: string) {
  const language = sql`split_part(replace(lower(${organization.locale}), '_', '-'), '-', 1)`;
  const list = sql.join(
    supported.map((code) => sql`${code}`),
    sql`, `,
  );
  return sql<string>`case when ${language} in (${list}) then ${language} else ${fallback} end`;
}

/**
 * Creates the `pending` explanation of a new detection, in the detection's transaction, in the organization's
 * language (read from `organization.locale` by the same statement: no extra round trip on the hot path).
 * A second call for the same detection changes nothing.
 */
export async function insertPendingExplanation(db: Executor, params: PendingExplanation): Promise<void> {
  await pendingExplanationInsert(db, params);
}

export interface PendingExplanation {
  detectionId: string;
  organizationId: string;
  languages: readonly string[];
  fallbackLanguage: string;
}

/** The statement of `insertPendingExplanation`, unsent: `insertDetection` runs it with the detection's insert. */
export function pendingExplanationInsert(db: Executor, params: PendingExplanation) {
  const { detectionId, organizationId } = params;
  const language = db
    .select({ language: organizationLanguage(params.languages, params.fallbackLanguage) })
    .from(organization)
    .where(eq(organization.id, organizationId));
  return db
    .insert(detectionExplanations)
    .values({ detectionId, organizationId, language: sql`(${language})` })
    .onConflictDoNothing()
    .returning({ detectionId: detectionExplanations.detectionId });
}

const publicColumns = {
  status: detectionExplanations.status,
  language: detectionExplanations.language,
  explanation: detectionExplanations.explanation,
  source: detectionExplanations.source,
};

/** A detection's explanation as the API shows it (never its internal error). */
export async function findExplanation(db: Executor, organizationId: string, detectionId: string) {
  const [row] = await db
    .select(publicColumns)
    .from(detectionExplanations)
    .where(
      and(
        eq(detectionExplanations.organizationId, organizationId),
        eq(detectionExplanations.detectionId, detectionId),
      ),
    );
  return row;
}

/** What the explain task reads: the explanation's state and the decision with its trace's contributions. */
export async function findExplanationWork(db: Executor, organizationId: string, detectionId: string) {
  const [row] = await selectExplanationWork(db, { organizationId, detectionId });
  return row;
}

/** Returns whether the explanation was written (false: another run finished it first). */
export async function writeExplanation(
  db: Executor,
  params: {
    organizationId: string;
    detectionId: string;
    status: Exclude<ExplanationStatus, "pending">;
    explanation: Record<string, unknown> | null;
    source: string | null;
    error: string | null;
    now: Date;
  },
): Promise<boolean> {
  const { explanation, now, ...values } = params;
  const rows = await updateExplanation(db, {
    ...values,
    // Serialized here: a null explanation must be SQL NULL, not the JSON `null` Drizzle's jsonb encoder would send.
    explanation: explanation === null ? null : JSON.stringify(explanation),
    now: now.toISOString(),
  });
  return rows.length > 0;
}

// The `detection.explain` task's statements, built once (compiled-statement.ts): it runs them for every detection.
// The payment is a lateral look-up with a limit, which PostgreSQL cannot flatten into a join: as a plain join,
// the statement's generic plan (a compiled statement gets one after five runs) sometimes merge-joined the
// detection with `transactions` by walking its primary key from the start, 1 ms at 100 000 payments instead of
// 0.05 ms, and longer as the table grows.
const selectExplanationWork = compiledStatement("orylo_select_explanation_work", (db) => {
  const payment = db
    .select({ amount: transactions.amount, currency: transactions.currency })
    .from(transactions)
    .where(eq(transactions.id, detections.transactionId))
    .limit(1)
    .as("payment");
  return db
    .select({
      status: detectionExplanations.status,
      language: detectionExplanations.language,
      decision: detections.decision,
      riskScore: detections.riskScore,
      confidence: detections.confidence,
      // The explanation is made from the contributions alone: the rest of the trace (every rule's outcome and
      // what it read) is the bulk of it, and converting it to text for each read cost more than the read.
      contributions: sql<unknown>`${detections.trace} -> 'contributions'`,
      amount: payment.amount,
      currency: payment.currency,
    })
    .from(detectionExplanations)
    .innerJoin(detections, eq(detections.id, detectionExplanations.detectionId))
    .leftJoinLateral(payment, sql`true`)
    .where(
      and(
        eq(detectionExplanations.organizationId, sql.placeholder("organizationId")),
        eq(detectionExplanations.detectionId, sql.placeholder("detectionId")),
        eq(detections.organizationId, sql.placeholder("organizationId")),
      ),
    );
});

/** Only a pending (or failed, to be tried again) explanation is written; a finished one stays as it is. */
const updateExplanation = compiledStatement("orylo_write_explanation", (db) =>
  db
    .update(detectionExplanations)
    .set({
      status: sql`${sql.placeholder("status")}`,
      explanation: sql`${sql.placeholder("explanation")}::jsonb`,
      source: sql`${sql.placeholder("source")}`,
      error: sql`${sql.placeholder("error")}`,
      updatedAt: sql`${sql.placeholder("now")}::timestamptz`,
    })
    .where(
      and(
        eq(detectionExplanations.organizationId, sql.placeholder("organizationId")),
        eq(detectionExplanations.detectionId, sql.placeholder("detectionId")),
        sql`${detectionExplanations.status} in ('pending', 'failed')`,
      ),
    )
    .returning({ detectionId: detectionExplanations.detectionId }),
);
