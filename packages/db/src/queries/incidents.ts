import { and, asc, desc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { alerts, detections, incidentSummaries, transactions } from "../schema";

export type IncidentSummaryRow = typeof incidentSummaries.$inferSelect;
export type NewIncidentSummary = Omit<typeof incidentSummaries.$inferInsert, "createdAt" | "updatedAt">;

/** Stored payments scored since `since` (detection time), oldest first: what an incident summary counts. */
export async function selectScoredPaymentsSince(
  db: Executor,
  organizationId: string,
  since: Date,
  limit: number,
) {
  return db
    .select({
      decision: detections.decision,
      amount: transactions.amount,
      currency: transactions.currency,
      cardFingerprint: transactions.cardFingerprint,
      ipAddress: transactions.ipAddress,
      paidAt: transactions.createdAt,
    })
    .from(detections)
    .innerJoin(transactions, eq(transactions.id, detections.transactionId))
    .where(and(eq(detections.organizationId, organizationId), gte(detections.createdAt, since)))
    .orderBy(asc(detections.createdAt))
    .limit(limit);
}

/** The summary of the organization's open incident of this kind (its alert not resolved), if any. */
export async function findOpenIncidentSummary(
  db: Executor,
  organizationId: string,
  kind: string,
): Promise<IncidentSummaryRow | undefined> {
  const [row] = await db
    .select({ summary: incidentSummaries })
    .from(incidentSummaries)
    .innerJoin(alerts, eq(alerts.id, incidentSummaries.alertId))
    .where(
      and(
        eq(incidentSummaries.organizationId, organizationId),
        eq(incidentSummaries.kind, kind),
        isNull(alerts.resolvedAt),
      ),
    )
    .orderBy(desc(incidentSummaries.createdAt))
    .limit(1);
  return row?.summary;
}

/** One row per alert: a second writer for the same incident updates the figures instead of adding a row. */
export async function upsertIncidentSummary(
  db: Executor,
  row: NewIncidentSummary,
  now: Date,
): Promise<IncidentSummaryRow> {
  const { id: _id, organizationId: _org, alertId: _alert, ...figures } = row;
  const [saved] = await db
    .insert(incidentSummaries)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: incidentSummaries.alertId, set: { ...figures, updatedAt: now } })
    .returning();
  if (!saved) throw new Error("incident summary upsert returned no row");
  return saved;
}

/** The summaries of these alerts that belong to the organization (an alerts page attaches them). */
export async function selectIncidentSummariesForAlerts(
  db: Executor,
  organizationId: string,
  alertIds: readonly string[],
): Promise<IncidentSummaryRow[]> {
  if (alertIds.length === 0) return [];
  return db
    .select()
    .from(incidentSummaries)
    .where(
      and(
        eq(incidentSummaries.organizationId, organizationId),
        inArray(incidentSummaries.alertId, [...alertIds]),
      ),
    );
}
