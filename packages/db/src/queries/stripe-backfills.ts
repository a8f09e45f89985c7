import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { stripeBackfills } from "../schema";

export type StripeBackfillRow = typeof stripeBackfills.$inferSelect;
export type BackfillResource = StripeBackfillRow["resource"];

/** (Re)starts the import of each resource over the window, from its first page. */
export async function startStripeBackfills(
  db: Executor,
  organizationId: string,
  { resources, from, before }: { resources: readonly BackfillResource[]; from: Date; before: Date },
): Promise<void> {
  await db
    .insert(stripeBackfills)
    .values(
      resources.map((resource) => ({ organizationId, resource, createdFrom: from, createdBefore: before })),
    )
    .onConflictDoUpdate({
      target: [stripeBackfills.organizationId, stripeBackfills.resource],
      set: {
        createdFrom: from,
        createdBefore: before,
        cursor: null,
        imported: 0,
        status: "running",
        lastError: null,
        updatedAt: sql`now()`,
      },
    });
}

export async function listStripeBackfills(db: Executor, organizationId: string) {
  return db
    .select()
    .from(stripeBackfills)
    .where(eq(stripeBackfills.organizationId, organizationId))
    .orderBy(asc(stripeBackfills.resource));
}

/** Records a stored page in the page's own transaction: a crash resumes after the last committed page. */
export async function saveStripeBackfillPage(
  db: Executor,
  organizationId: string,
  resource: BackfillResource,
  { cursor, stored, done }: { cursor: string | null; stored: number; done: boolean },
): Promise<void> {
  await db
    .update(stripeBackfills)
    .set({
      cursor,
      imported: sql`${stripeBackfills.imported} + ${stored}`,
      status: done ? "done" : "running",
      updatedAt: sql`now()`,
    })
    .where(and(eq(stripeBackfills.organizationId, organizationId), eq(stripeBackfills.resource, resource)));
}

export async function failStripeBackfill(
  db: Executor,
  organizationId: string,
  resource: BackfillResource,
  error: string,
): Promise<void> {
  await db
    .update(stripeBackfills)
    .set({ status: "failed", lastError: error, updatedAt: sql`now()` })
    .where(and(eq(stripeBackfills.organizationId, organizationId), eq(stripeBackfills.resource, resource)));
}
