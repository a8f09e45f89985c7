import { and, asc, count, eq, gt, gte, or, sql, sum } from "drizzle-orm";
import type { Executor } from "../client";
import { detections, transactions } from "../schema";
import type { Decision } from "./detections";

/**
 * Detections per local day (in `timeZone`), decision and currency since `since`, with the amounts they
 * scored: the dashboard's stats and chart come from this one grouped scan of the (organization, createdAt)
 * index.
 */
export async function countDetectionsByDay(
  db: Executor,
  organizationId: string,
  { since, timeZone }: { since: Date; timeZone: string },
) {
  const day = sql<string>`to_char(${detections.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return (
    db
      .select({
        day,
        decision: detections.decision,
        currency: transactions.currency,
        count: count(),
        amount: sum(transactions.amount).mapWith(Number),
      })
      .from(detections)
      .leftJoin(transactions, eq(transactions.id, detections.transactionId))
      .where(and(eq(detections.organizationId, organizationId), gte(detections.createdAt, since)))
      // By position: the day expression carries the zone as a parameter, and a repeated parameter is not
      // recognised as the same expression by PostgreSQL's GROUP BY check.
      .groupBy(sql`1`, sql`2`, sql`3`)
  );
}

/** How many detections with `decision` since `since` (the card-testing burst banner). */
export async function countRecentDecisions(
  db: Executor,
  organizationId: string,
  { since, decision }: { since: Date; decision: Decision },
): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(detections)
    .where(
      and(
        eq(detections.organizationId, organizationId),
        eq(detections.decision, decision),
        gte(detections.createdAt, since),
      ),
    );
  return row?.count ?? 0;
}

/** Detections strictly after a (createdAt, id) position, oldest first: what a live feed has not sent yet. */
export async function listDetectionsAfter(
  db: Executor,
  organizationId: string,
  { after, limit }: { after: { createdAt: Date; id: string }; limit: number },
) {
  return db
    .select({
      id: detections.id,
      decision: detections.decision,
      riskScore: detections.riskScore,
      createdAt: detections.createdAt,
      chargeId: transactions.chargeId,
      amount: transactions.amount,
      currency: transactions.currency,
      customerId: transactions.customerId,
    })
    .from(detections)
    .leftJoin(transactions, eq(transactions.id, detections.transactionId))
    .where(
      and(
        eq(detections.organizationId, organizationId),
        or(
          gt(detections.createdAt, after.createdAt),
          and(eq(detections.createdAt, after.createdAt), gt(detections.id, after.id)),
        ),
      ),
    )
    .orderBy(asc(detections.createdAt), asc(detections.id))
    .limit(limit);
}

/** How many detections each rule matched (shadow included) since `since`, by rule id. */
export async function countRuleHits(db: Executor, organizationId: string, since: Date) {
  const ruleId = sql<string>`jsonb_array_elements(${detections.trace} -> 'ruleHits') ->> 'ruleId'`;
  return db
    .select({ ruleId, hits: count() })
    .from(detections)
    .where(and(eq(detections.organizationId, organizationId), gte(detections.createdAt, since)))
    .groupBy(sql`1`);
}
