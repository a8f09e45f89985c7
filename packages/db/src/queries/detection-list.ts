import { and, desc, eq, exists, gte, inArray, isNull, lt, lte, not, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { customers, detections, labels, transactions } from "../schema";
import type { Decision } from "./detections";

/**
 * Up to this many payments in an amount range, the list starts from them (one lookup each). Walking the newest
 * detections instead costs about page size × detections / matches lookups: at 1 M rows, 10,000 at this bound.
 */
const NARROW_AMOUNT_RANGE = 5_000;

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
export async function listDetections(
  db: Executor,
  organizationId: string,
  filters: DetectionFilters,
  { narrowRange = NARROW_AMOUNT_RANGE }: { narrowRange?: number } = {},
) {
  const conditions: (SQL | undefined)[] = [eq(detections.organizationId, organizationId)];
  if (filters.decision) conditions.push(eq(detections.decision, filters.decision));
  if (filters.from) conditions.push(gte(detections.createdAt, filters.from));
  if (filters.to) conditions.push(lt(detections.createdAt, filters.to));
  if (filters.customer) {
    conditions.push(
      inArray(detections.transactionId, customerPayments(db, organizationId, filters.customer)),
    );
  }
  if (filters.minAmount !== undefined || filters.maxAmount !== undefined) {
    const amounts = and(
      eq(transactions.organizationId, organizationId),
      filters.minAmount === undefined ? undefined : gte(transactions.amount, filters.minAmount),
      filters.maxAmount === undefined ? undefined : lte(transactions.amount, filters.maxAmount),
    );
    conditions.push(amounts);
    const few = await fewPaymentsMatching(db, amounts, narrowRange);
    if (few?.length === 0) return [];
    if (few) conditions.push(inArray(detections.transactionId, few));
  }
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

/**
 * The ids of the payments an amount filter matches, when they are at most `narrowRange`, else undefined. A rare
 * amount found by walking the newest detections costs a payment lookup per skipped row (PostgreSQL picks that walk:
 * its cost model assumes uncached pages), so a narrow range starts from its payments instead, through the
 * (organization, amount) index; a wide range keeps the walk, which then finds a page within a few rows.
 */
async function fewPaymentsMatching(db: Executor, amounts: SQL | undefined, narrowRange: number) {
  const rows = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(amounts)
    .limit(narrowRange + 1);
  return rows.length > narrowRange ? undefined : rows.map((row) => row.id);
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
