import { and, asc, desc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { detections, stripeActions, transactions } from "../schema";

export type StripeActionRow = typeof stripeActions.$inferSelect;
export type NewStripeAction = Omit<typeof stripeActions.$inferInsert, "status" | "leaseUntil" | "attempts">;

/**
 * Takes the action's unique key: inserted (first run) or taken over (pending, lease expired: a crash or a
 * transient failure). `claimed: false` hands back the row another run holds or finished; the caller must not
 * call Stripe. Two statements, each atomic, never SELECT-then-INSERT.
 */
export async function claimStripeAction(
  db: Executor,
  row: NewStripeAction,
  { now, leaseMs }: { now: Date; leaseMs: number },
): Promise<{ claimed: boolean; row: StripeActionRow }> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const [inserted] = await db
    .insert(stripeActions)
    .values({ ...row, status: "pending", leaseUntil })
    .onConflictDoNothing({
      target: [stripeActions.organizationId, stripeActions.stripeObjectId, stripeActions.kind],
    })
    .returning();
  if (inserted) return { claimed: true, row: inserted };
  const key = and(
    eq(stripeActions.organizationId, row.organizationId),
    eq(stripeActions.stripeObjectId, row.stripeObjectId),
    eq(stripeActions.kind, row.kind),
  );
  const [taken] = await db
    .update(stripeActions)
    .set({ leaseUntil, attempts: sql`${stripeActions.attempts} + 1` })
    .where(
      and(
        key,
        eq(stripeActions.status, "pending"),
        or(isNull(stripeActions.leaseUntil), lt(stripeActions.leaseUntil, now)),
      ),
    )
    .returning();
  if (taken) return { claimed: true, row: taken };
  const [existing] = await db.select().from(stripeActions).where(key);
  if (!existing)
    throw new Error(`stripe action ${row.kind} ${row.stripeObjectId} conflicted but cannot be read`);
  return { claimed: false, row: existing };
}

export type StripeActionResult = Pick<
  StripeActionRow,
  "status" | "outcome" | "message" | "stripeIds" | "dryRun"
>;

/** Records what Stripe answered; only the run holding the pending row writes it. */
export async function finishStripeAction(
  db: Executor,
  id: string,
  result: StripeActionResult,
  now: Date,
): Promise<StripeActionRow> {
  const [row] = await db
    .update(stripeActions)
    .set({ ...result, leaseUntil: null, completedAt: result.status === "pending" ? null : now })
    .where(and(eq(stripeActions.id, id), eq(stripeActions.status, "pending")))
    .returning();
  if (!row) throw new Error(`stripe action ${id} is no longer pending`);
  return row;
}

/** A transient failure: the row stays pending, free for the next attempt, with what went wrong. */
export async function releaseStripeAction(db: Executor, id: string, message: string): Promise<void> {
  await db
    .update(stripeActions)
    .set({ leaseUntil: null, message })
    .where(and(eq(stripeActions.id, id), eq(stripeActions.status, "pending")));
}

/** A detection's actions, oldest first: the timeline of what Orylo did on Stripe. */
export async function listStripeActionsForDetection(
  db: Executor,
  organizationId: string,
  detectionId: string,
) {
  return db
    .select()
    .from(stripeActions)
    .where(and(eq(stripeActions.organizationId, organizationId), eq(stripeActions.detectionId, detectionId)))
    .orderBy(asc(stripeActions.createdAt));
}

/** The organization's actions, newest first, keyset-paginated on (createdAt, id). */
export async function listStripeActions(
  db: Executor,
  organizationId: string,
  filters: {
    status?: StripeActionRow["status"] | undefined;
    before?: { createdAt: Date; id: string } | undefined;
    limit: number;
  },
) {
  const conditions: (SQL | undefined)[] = [eq(stripeActions.organizationId, organizationId)];
  if (filters.status) conditions.push(eq(stripeActions.status, filters.status));
  if (filters.before) {
    const { createdAt, id } = filters.before;
    conditions.push(
      or(
        lt(stripeActions.createdAt, createdAt),
        and(eq(stripeActions.createdAt, createdAt), lt(stripeActions.id, id)),
      ),
    );
  }
  return db
    .select()
    .from(stripeActions)
    .where(and(...conditions))
    .orderBy(desc(stripeActions.createdAt), desc(stripeActions.id))
    .limit(filters.limit);
}

/** A stored charge with what an action on it needs: amount, state, Radar's level and Orylo's detection. */
export async function findChargeForAction(db: Executor, organizationId: string, chargeId: string) {
  const [row] = await db
    .select({
      chargeId: transactions.chargeId,
      amount: transactions.amount,
      currency: transactions.currency,
      status: transactions.status,
      captured: transactions.captured,
      radarRiskLevel: transactions.radarRiskLevel,
      detectionId: detections.id,
      riskScore: detections.riskScore,
    })
    .from(transactions)
    .leftJoin(detections, eq(detections.transactionId, transactions.id))
    .where(and(eq(transactions.organizationId, organizationId), eq(transactions.chargeId, chargeId)));
  return row;
}
