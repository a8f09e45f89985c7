import { and, desc, eq, exists, gte, inArray, isNull, lt, lte, not, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { customers, detections, labels, transactions } from "../schema";
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

export interface DetectionFilters {
  decision?: Decision | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** A Stripe customer id, or the customer key (hash of an email). */
  customer?: string | undefined;
  /** Amount bounds in minor units of each payment's own currency. */
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  livemode?: boolean | undefined;
  /** A rule that matched (shadow included), by id. */
  ruleId?: string | undefined;
  /** A detector that hit, by name. */
  detector?: string | undefined;
  /** An active (not cleared) label of this kind on the payment, or `none`: no active label. */
  label?: "fraud" | "legitimate" | "none" | undefined;
  /** Keyset cursor: rows strictly older than this (createdAt, id). */
  before?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

const listColumns = {
  id: detections.id,
  decision: detections.decision,
  riskScore: detections.riskScore,
  confidence: detections.confidence,
  livemode: detections.livemode,
  source: detections.source,
  createdAt: detections.createdAt,
  chargeId: transactions.chargeId,
  paymentIntentId: detections.paymentIntentId,
  amount: transactions.amount,
  currency: transactions.currency,
  customerId: transactions.customerId,
};

/** Newest first, keyset-paginated on (createdAt, id) so pages stay stable while new detections arrive. */
export async function listDetections(db: Executor, organizationId: string, filters: DetectionFilters) {
  const conditions: (SQL | undefined)[] = [eq(detections.organizationId, organizationId)];
  if (filters.decision) conditions.push(eq(detections.decision, filters.decision));
  if (filters.from) conditions.push(gte(detections.createdAt, filters.from));
  if (filters.to) conditions.push(lt(detections.createdAt, filters.to));
  if (filters.customer) {
    conditions.push(
      inArray(detections.transactionId, customerPayments(db, organizationId, filters.customer)),
    );
  }
  if (filters.minAmount !== undefined) conditions.push(gte(transactions.amount, filters.minAmount));
  if (filters.maxAmount !== undefined) conditions.push(lte(transactions.amount, filters.maxAmount));
  if (filters.livemode !== undefined) conditions.push(eq(detections.livemode, filters.livemode));
  // JSON containment on the stored trace: `{"ruleHits":[{"ruleId":…}]}` matches any element with that id.
  if (filters.ruleId) conditions.push(traceContains({ ruleHits: [{ ruleId: filters.ruleId }] }));
  if (filters.detector) {
    conditions.push(traceContains({ contributions: [{ detector: filters.detector, status: "hit" }] }));
  }
  if (filters.label) conditions.push(labelCondition(db, organizationId, filters.label));
  if (filters.before) {
    const { createdAt, id } = filters.before;
    conditions.push(
      or(
        lt(detections.createdAt, createdAt),
        and(eq(detections.createdAt, createdAt), lt(detections.id, id)),
      ),
    );
  }
  return db
    .select(listColumns)
    .from(detections)
    .leftJoin(transactions, eq(transactions.id, detections.transactionId))
    .where(and(...conditions))
    .orderBy(desc(detections.createdAt), desc(detections.id))
    .limit(filters.limit);
}

function traceContains(fragment: Record<string, unknown>): SQL {
  return sql`${detections.trace} @> ${JSON.stringify(fragment)}::jsonb`;
}

/**
 * The payments of a customer named by its Stripe id or its key, through indexed columns only, so the list
 * probes a handful of detections instead of walking the organization's newest ones for a rare match.
 */
function customerPayments(db: Executor, organizationId: string, customer: string) {
  const byKey = db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.organizationId, organizationId), eq(customers.customerKey, customer)));
  // Two index scans put together (an OR across them would scan the organization's payments).
  return unionAll(
    db
      .select({ id: transactions.id })
      .from(transactions)
      .where(and(eq(transactions.organizationId, organizationId), eq(transactions.customerId, customer))),
    db.select({ id: transactions.id }).from(transactions).where(inArray(transactions.customerRef, byKey)),
  );
}

function labelCondition(db: Executor, organizationId: string, label: "fraud" | "legitimate" | "none"): SQL {
  const active = db
    .select({ one: sql`1` })
    .from(labels)
    .where(
      and(
        eq(labels.organizationId, organizationId),
        eq(labels.transactionId, detections.transactionId),
        isNull(labels.clearedAt),
        label === "none" ? undefined : eq(labels.kind, label),
      ),
    );
  return label === "none" ? not(exists(active)) : exists(active);
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
