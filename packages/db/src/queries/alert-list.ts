import { and, count, desc, eq, gte, isNull, lt, not, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { alerts } from "../schema";
import type { AlertRow } from "./alerts";

export interface AlertFilters {
  status?: "open" | "resolved" | undefined;
  severity?: AlertRow["severity"] | undefined;
  /** An incident not seen since then is over, even before its next occurrence closes the row. */
  quietSince: Date;
}

const isOpen = (quietSince: Date) => and(isNull(alerts.resolvedAt), gte(alerts.lastSeenAt, quietSince));

function conditionsOf(organizationId: string, filters: AlertFilters): (SQL | undefined)[] {
  const open = isOpen(filters.quietSince);
  return [
    eq(alerts.organizationId, organizationId),
    filters.status === "open" ? open : undefined,
    filters.status === "resolved" && open ? not(open) : undefined,
    filters.severity ? eq(alerts.severity, filters.severity) : undefined,
  ];
}

/** An organization's incidents, most recently opened first, keyset-paginated on (first seen, id). */
export async function listAlerts(
  db: Executor,
  organizationId: string,
  filters: AlertFilters & { before?: { createdAt: Date; id: string } | undefined; limit: number },
) {
  const conditions = conditionsOf(organizationId, filters);
  if (filters.before) {
    const { createdAt, id } = filters.before;
    conditions.push(
      or(lt(alerts.firstSeenAt, createdAt), and(eq(alerts.firstSeenAt, createdAt), lt(alerts.id, id))),
    );
  }
  const rows = await db
    .select()
    .from(alerts)
    .where(and(...conditions))
    .orderBy(desc(alerts.firstSeenAt), desc(alerts.id))
    .limit(filters.limit);
  return rows.map((row) => ({ ...row, createdAt: row.firstSeenAt }));
}

/** How many incidents are open and resolved (severity filter applied). */
export async function countAlertsByStatus(db: Executor, organizationId: string, filters: AlertFilters) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${isOpen(filters.quietSince)})`.mapWith(Number),
      all: count(alerts.id),
    })
    .from(alerts)
    .where(and(...conditionsOf(organizationId, { ...filters, status: undefined })));
  return { open: row?.open ?? 0, resolved: (row?.all ?? 0) - (row?.open ?? 0) };
}
