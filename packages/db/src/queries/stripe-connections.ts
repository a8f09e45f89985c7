import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { organization, stripeConnections, stripeOauthStates } from "../schema";

export type StripeConnectionRow = typeof stripeConnections.$inferSelect;

export async function insertOauthState(
  db: Executor,
  row: typeof stripeOauthStates.$inferInsert,
): Promise<void> {
  await db.insert(stripeOauthStates).values(row);
}

/** Marks a state used and returns it, in one statement: a second use (or a concurrent one) gets nothing. */
export async function consumeOauthState(db: Executor, stateHash: string, now: Date) {
  const [row] = await db
    .update(stripeOauthStates)
    .set({ usedAt: now })
    .where(and(eq(stripeOauthStates.stateHash, stateHash), isNull(stripeOauthStates.usedAt)))
    .returning();
  return row;
}

export async function findStripeConnection(db: Executor, organizationId: string) {
  const [row] = await db
    .select()
    .from(stripeConnections)
    .where(eq(stripeConnections.organizationId, organizationId));
  return row;
}

/** A new connection replaces a previous (disconnected) one of the same organization. */
export async function upsertStripeConnection(
  db: Executor,
  row: typeof stripeConnections.$inferInsert,
): Promise<void> {
  const { organizationId: _, ...update } = row;
  await db
    .insert(stripeConnections)
    .values(row)
    .onConflictDoUpdate({
      target: stripeConnections.organizationId,
      set: { disconnectedAt: null, disconnectReason: null, ...update },
    });
}

export async function updateStripeConnection(
  db: Executor,
  organizationId: string,
  changes: Partial<Omit<typeof stripeConnections.$inferInsert, "organizationId">>,
): Promise<void> {
  await db.update(stripeConnections).set(changes).where(eq(stripeConnections.organizationId, organizationId));
}

/** Routes (or stops routing) Connect events of the account to the organization. */
export async function setOrganizationStripeAccount(
  db: Executor,
  organizationId: string,
  stripeAccountId: string | null,
): Promise<void> {
  await db.update(organization).set({ stripeAccountId }).where(eq(organization.id, organizationId));
}
