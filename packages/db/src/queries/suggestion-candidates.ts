import { and, count, countDistinct, eq, gt, gte, isNotNull, isNull, max, min, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { customers, detections, labels, transactions, trustScoreEvents } from "../schema";
import { settledPaymentConditions } from "./trust-scores";

/**
 * Customers above `minTrust` whose settled payments made up to `settledBefore` span at least `minSpanDays`:
 * the whitelist candidates, with their counts.
 */
export async function selectTrustedCustomers(
  db: Executor,
  params: { organizationId: string; minTrust: number; settledBefore: Date; minSpanDays: number },
) {
  const t = transactions;
  const first = min(t.createdAt);
  const last = max(t.createdAt);
  return db
    .select({
      value: customers.customerKey,
      trustScore: customers.trustScore,
      settledPayments: count(),
      historyDays: sql<number>`floor(extract(epoch from ${last} - ${first}) / 86400)`.mapWith(Number),
    })
    .from(customers)
    .innerJoin(t, and(eq(t.organizationId, customers.organizationId), eq(t.customerRef, customers.id)))
    .where(
      and(
        eq(customers.organizationId, params.organizationId),
        gt(customers.trustScore, params.minTrust),
        isNull(customers.deletedAt),
        sql`${t.createdAt} <= ${params.settledBefore}`,
        ...settledPaymentConditions(db, t),
      ),
    )
    .groupBy(customers.id)
    .having(sql`${last} - ${first} >= make_interval(days => ${params.minSpanDays})`);
}

/** Customers with at least `minDisputes` disputes or one active fraud label: blacklist candidates. */
export async function selectCustomersWithFraud(
  db: Executor,
  params: { organizationId: string; minDisputes: number },
) {
  const { organizationId } = params;
  const disputed = db
    .select({ customerId: trustScoreEvents.customerId, disputes: count().as("disputes") })
    .from(trustScoreEvents)
    .where(and(eq(trustScoreEvents.organizationId, organizationId), eq(trustScoreEvents.reason, "dispute")))
    .groupBy(trustScoreEvents.customerId)
    .as("disputed");
  const labelled = db
    .select({ customerId: transactions.customerRef, fraudLabels: count().as("fraud_labels") })
    .from(labels)
    .innerJoin(transactions, eq(transactions.id, labels.transactionId))
    .where(and(eq(labels.organizationId, organizationId), eq(labels.kind, "fraud"), isNull(labels.clearedAt)))
    .groupBy(transactions.customerRef)
    .as("labelled");
  return db
    .select({
      value: customers.customerKey,
      disputes: sql<number>`coalesce(${disputed.disputes}, 0)`.mapWith(Number),
      fraudLabels: sql<number>`coalesce(${labelled.fraudLabels}, 0)`.mapWith(Number),
    })
    .from(customers)
    .leftJoin(disputed, eq(disputed.customerId, customers.id))
    .leftJoin(labelled, eq(labelled.customerId, customers.id))
    .where(
      and(
        eq(customers.organizationId, organizationId),
        isNull(customers.deletedAt),
        or(gte(disputed.disputes, params.minDisputes), gte(labelled.fraudLabels, 1)),
      ),
    );
}

/**
 * IP addresses or customers behind at least `minAttempts` payments made since `since` that were blocked with
 * a card-testing signal: blacklist candidates, with their distinct cards.
 */
export async function selectCardTestingSources(
  db: Executor,
  params: { organizationId: string; by: "ip_address" | "customer"; since: Date; minAttempts: number },
) {
  const t = transactions;
  const source = params.by === "ip_address" ? t.ipAddress : customers.customerKey;
  return db
    .select({
      value: sql<string>`${source}`,
      blockedAttempts: count(),
      distinctCards: countDistinct(t.cardFingerprint),
    })
    .from(detections)
    .innerJoin(t, eq(t.id, detections.transactionId))
    .leftJoin(customers, eq(customers.id, t.customerRef))
    .where(
      and(
        eq(detections.organizationId, params.organizationId),
        eq(detections.decision, "BLOCK"),
        gte(t.createdAt, params.since),
        isNotNull(source),
        sql`exists (select 1 from jsonb_array_elements(${detections.trace} -> 'contributions') c
          where c ->> 'status' = 'hit' and c ->> 'detector' in ('card_testing', 'merchant_card_testing'))`,
      ),
    )
    .groupBy(source)
    .having(gte(count(), params.minAttempts));
}
