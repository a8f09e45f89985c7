import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { alerts, member, user } from "../schema";

export type AlertRow = typeof alerts.$inferSelect;
export type NewAlert = Pick<
  typeof alerts.$inferInsert,
  "id" | "organizationId" | "kind" | "severity" | "dedupeKey" | "title" | "body"
>;

/**
 * Opens the incident or counts a repeat of the open one, in one statement (a unique partial index, never
 * SELECT-then-INSERT). `opened` is true when this call created the row.
 */
export async function upsertOpenAlert(
  db: Executor,
  alert: NewAlert,
  now: Date,
): Promise<{ id: string; count: number; opened: boolean }> {
  const [row] = await db
    .insert(alerts)
    .values({ ...alert, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({
      target: alerts.dedupeKey,
      targetWhere: isNull(alerts.resolvedAt),
      set: { count: sql`${alerts.count} + 1`, lastSeenAt: now },
    })
    .returning({ id: alerts.id, count: alerts.count });
  if (!row) throw new Error("upsert returned no alert row");
  return { ...row, opened: row.id === alert.id };
}

/** Closes open incidents of `dedupeKey` not seen since `quietSince`: the next occurrence is a new incident. */
export async function resolveQuietAlert(db: Executor, dedupeKey: string, quietSince: Date, now: Date) {
  await db
    .update(alerts)
    .set({ resolvedAt: now })
    .where(
      and(eq(alerts.dedupeKey, dedupeKey), isNull(alerts.resolvedAt), lt(alerts.lastSeenAt, quietSince)),
    );
}

export async function findAlert(db: Executor, id: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  return row;
}

export async function markAlertDelivered(
  db: Executor,
  id: string,
  delivery: "emailed" | "stored",
  now: Date,
): Promise<void> {
  await db.update(alerts).set({ delivery, notifiedAt: now }).where(eq(alerts.id, id));
}

/** An organization's alerts, most recent first (`null` = operator alerts). */
export async function selectAlerts(db: Executor, organizationId: string | null, limit: number) {
  return db
    .select()
    .from(alerts)
    .where(organizationId ? eq(alerts.organizationId, organizationId) : isNull(alerts.organizationId))
    .orderBy(desc(alerts.lastSeenAt))
    .limit(limit);
}

/** Who receives an organization's alerts: its owners and admins. */
export async function selectAlertRecipients(db: Executor, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, organizationId), inArray(member.role, ["owner", "admin"])));
  return rows.map((r) => r.email);
}
