import { and, asc, countDistinct, desc, eq, gt, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { detections, labels, ruleRecommendations, transactions } from "../schema";

export type RecommendationRow = typeof ruleRecommendations.$inferSelect;
export type NewRecommendation = Pick<
  typeof ruleRecommendations.$inferInsert,
  | "id"
  | "organizationId"
  | "text"
  | "action"
  | "pattern"
  | "evidence"
  | "backtest"
  | "rationale"
  | "rationaleSource"
  | "language"
  | "rank"
>;
export type RecommendationStatus = RecommendationRow["status"];

/** Charge ids the engine blocked since `since`: the blocked bursts a recommendation can answer. */
export async function selectBlockedChargeIds(db: Executor, organizationId: string, since: Date) {
  const rows = await db
    .select({ chargeId: transactions.chargeId })
    .from(detections)
    .innerJoin(transactions, eq(transactions.id, detections.transactionId))
    .where(
      and(
        eq(detections.organizationId, organizationId),
        eq(detections.decision, "BLOCK"),
        gte(transactions.createdAt, since),
      ),
    );
  return new Set(rows.map((row) => row.chargeId));
}

/** The texts of the organization's recommendations that were applied or rejected: never proposed again. */
export async function selectDecidedRecommendationTexts(db: Executor, organizationId: string) {
  const rows = await db
    .select({ text: ruleRecommendations.text })
    .from(ruleRecommendations)
    .where(
      and(
        eq(ruleRecommendations.organizationId, organizationId),
        sql`${ruleRecommendations.status} <> 'pending'`,
      ),
    );
  return new Set(rows.map((row) => row.text));
}

/** Inserts a recommendation, or refreshes the pending one with the same text; a decided one is left alone. */
export async function upsertPendingRecommendation(
  db: Executor,
  row: NewRecommendation,
  now: Date,
): Promise<RecommendationRow | undefined> {
  const { id: _id, organizationId: _org, text: _text, ...refreshed } = row;
  const [saved] = await db
    .insert(ruleRecommendations)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [ruleRecommendations.organizationId, ruleRecommendations.text],
      set: { ...refreshed, updatedAt: now },
      setWhere: eq(ruleRecommendations.status, "pending"),
    })
    .returning();
  return saved;
}

/** Newest first, a run's proposals best first: keyset-paged on (createdAt desc, rank, id desc). */
export async function selectRecommendations(
  db: Executor,
  params: {
    organizationId: string;
    status?: RecommendationStatus;
    before?: { createdAt: Date; rank: number; id: string };
    limit: number;
  },
): Promise<RecommendationRow[]> {
  const r = ruleRecommendations;
  const conditions = [eq(r.organizationId, params.organizationId)];
  if (params.status) conditions.push(eq(r.status, params.status));
  if (params.before) {
    const { createdAt, rank, id } = params.before;
    const later = or(
      lt(r.createdAt, createdAt),
      and(eq(r.createdAt, createdAt), or(gt(r.rank, rank), and(eq(r.rank, rank), lt(r.id, id)))),
    );
    if (later) conditions.push(later);
  }
  return db
    .select()
    .from(r)
    .where(and(...conditions))
    .orderBy(desc(r.createdAt), asc(r.rank), desc(r.id))
    .limit(params.limit);
}

export async function findRecommendation(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<RecommendationRow | undefined> {
  const [row] = await db
    .select()
    .from(ruleRecommendations)
    .where(and(eq(ruleRecommendations.organizationId, organizationId), eq(ruleRecommendations.id, id)));
  return row;
}

/** Records the merchant's decision on a pending recommendation; undefined when it is not pending (or not theirs). */
export async function decideRecommendation(
  db: Executor,
  organizationId: string,
  id: string,
  decision: Pick<
    typeof ruleRecommendations.$inferInsert,
    "status" | "ruleId" | "appliedMode" | "rejectReason" | "decidedBy"
  >,
  now: Date,
): Promise<RecommendationRow | undefined> {
  const r = ruleRecommendations;
  const [row] = await db
    .update(r)
    .set({ ...decision, decidedAt: now, updatedAt: now })
    .where(and(eq(r.organizationId, organizationId), eq(r.id, id), eq(r.status, "pending")))
    .returning();
  return row;
}

/**
 * What a rule did since `since`: payments it hit (shadow included), and among them those labelled fraud and
 * those the merchant marked legitimate (active labels only).
 */
export async function countRuleOutcomes(db: Executor, organizationId: string, ruleId: string, since: Date) {
  const hit = sql`${detections.trace} -> 'ruleHits' @> ${JSON.stringify([{ ruleId }])}::jsonb`;
  const labelled = (kind: "fraud" | "legitimate") =>
    sql<number>`count(distinct ${detections.id}) filter (where ${labels.kind} = ${kind})`.mapWith(Number);
  const [row] = await db
    .select({
      hits: countDistinct(detections.id),
      fraud: labelled("fraud"),
      legitimate: labelled("legitimate"),
    })
    .from(detections)
    .leftJoin(labels, and(eq(labels.transactionId, detections.transactionId), isNull(labels.clearedAt)))
    .where(and(eq(detections.organizationId, organizationId), gte(detections.createdAt, since), hit));
  return row ?? { hits: 0, fraud: 0, legitimate: 0 };
}
