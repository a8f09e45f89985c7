import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { detections, transactions } from "../schema";
import { compiledStatementsByShape, definedKeys, placeholderRow, prefixedValues } from "./compiled-statement";
import { type PendingExplanation, pendingExplanationInsert } from "./explanations";
import { enqueueTasksInsert, type NewOutboxTask } from "./outbox";

export type NewDetection = typeof detections.$inferInsert;
export type DetectionRow = typeof detections.$inferSelect;
export type Decision = DetectionRow["decision"];

const summary = { id: detections.id, decision: detections.decision, riskScore: detections.riskScore };
export type DetectionSummary = { id: string; decision: Decision; riskScore: number };

/** What commits with a new detection, written by the same statement (data-modifying CTEs). */
export interface DetectionFollowUps {
  explanation?: PendingExplanation;
  tasks?: NewOutboxTask[];
}

/**
 * Inserts a detection and its follow-ups in one round trip: on the webhook path every statement is a turn of
 * the connection, and these never depend on each other's results (the detection id is chosen by the caller).
 */
export async function insertDetection(
  db: Executor,
  row: NewDetection,
  { explanation, tasks = [] }: DetectionFollowUps = {},
): Promise<DetectionSummary> {
  const shape: DetectionShape = {
    row: definedKeys(row),
    explanation: explanation
      ? { languages: explanation.languages, fallback: explanation.fallbackLanguage }
      : null,
    tasks: tasks.map(definedKeys),
  };
  const values = {
    ...prefixedValues(row, "d_"),
    ...(explanation
      ? { e_detectionId: explanation.detectionId, e_organizationId: explanation.organizationId }
      : {}),
    ...Object.assign({}, ...tasks.map((task, index) => prefixedValues(task, `t${index}_`))),
  };
  const [detection] = await insertDetectionStatement(db, shape, values);
  if (!detection) throw new Error("detection insert returned no row");
  return detection;
}

interface DetectionShape {
  row: string[];
  /** The explanation's languages are constants of the shape; its ids are values. */
  explanation: { languages: readonly string[]; fallback: string } | null;
  tasks: string[][];
}

const insertDetectionStatement = compiledStatementsByShape(
  "orylo_insert_detection",
  (shape: DetectionShape) => JSON.stringify(shape),
  (db, shape) => {
    const row = placeholderRow(shape.row, "d_") as unknown as NewDetection;
    const inserted = db.$with("inserted_detection").as(db.insert(detections).values(row).returning(summary));
    const explanation = shape.explanation && {
      detectionId: sql.placeholder("e_detectionId") as unknown as string,
      organizationId: sql.placeholder("e_organizationId") as unknown as string,
      languages: shape.explanation.languages,
      fallbackLanguage: shape.explanation.fallback,
    };
    const tasks = shape.tasks.map(
      (keys, index) => placeholderRow(keys, `t${index}_`) as unknown as NewOutboxTask,
    );
    const followUps = [
      ...(explanation ? [db.$with("pending_explanation").as(pendingExplanationInsert(db, explanation))] : []),
      ...(tasks.length > 0 ? [db.$with("queued_tasks").as(enqueueTasksInsert(db, tasks))] : []),
    ];
    return db
      .with(inserted, ...followUps)
      .select()
      .from(inserted);
  },
);

export async function findDetectionSummary(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<DetectionSummary | undefined> {
  const [row] = await db
    .select(summary)
    .from(detections)
    .where(and(eq(detections.organizationId, organizationId), eq(detections.id, id)));
  return row;
}

export async function findDetectionSummaryForTransaction(
  db: Executor,
  organizationId: string,
  transactionId: string,
): Promise<DetectionSummary | undefined> {
  const [row] = await db
    .select(summary)
    .from(detections)
    .where(and(eq(detections.organizationId, organizationId), eq(detections.transactionId, transactionId)));
  return row;
}

/** One detection with the transaction it scored: the API's detail view. */
export async function findDetectionWithTransaction(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select({ detection: detections, transaction: transactions })
    .from(detections)
    .leftJoin(transactions, eq(transactions.id, detections.transactionId))
    .where(and(eq(detections.organizationId, organizationId), eq(detections.id, id)));
  return row;
}

/** A detection with what the pre-payment API answers again on an idempotent retry. */
export async function findEvaluationDetection(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select({
      ...summary,
      source: detections.source,
      trace: detections.trace,
      createdAt: detections.createdAt,
    })
    .from(detections)
    .where(and(eq(detections.organizationId, organizationId), eq(detections.id, id)));
  return row;
}

/**
 * Gives a pre-payment evaluation the charge it was made for, once: only while it has none, so a PaymentIntent's
 * later charges (a retry after a decline) stay linked through `payment_intents` without breaking uniqueness.
 */
export async function attachDetectionToTransaction(
  db: Executor,
  organizationId: string,
  detectionId: string,
  transactionId: string,
): Promise<void> {
  await db
    .update(detections)
    .set({ transactionId })
    .where(
      and(
        eq(detections.organizationId, organizationId),
        eq(detections.id, detectionId),
        isNull(detections.transactionId),
      ),
    );
}
