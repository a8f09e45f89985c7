import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { aiCalibrations, listItems, lists, suggestions } from "../schema";

export type SuggestionRow = typeof suggestions.$inferSelect;
export type NewSuggestion = Omit<typeof suggestions.$inferInsert, "status" | "decidedAt" | "decidedBy">;
export type SuggestionStatus = SuggestionRow["status"];

/** New suggestions; one already pending for the same value and kind is left as it is (a rerun adds nothing). */
export async function insertSuggestions(db: Executor, rows: NewSuggestion[]): Promise<SuggestionRow[]> {
  if (rows.length === 0) return [];
  return db.insert(suggestions).values(rows).onConflictDoNothing().returning();
}

export async function findSuggestion(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.organizationId, organizationId), eq(suggestions.id, id)));
  return row;
}

/** Newest first by (createdAt, id), before the keyset position when given. */
export async function selectSuggestions(
  db: Executor,
  params: {
    organizationId: string;
    status?: SuggestionStatus;
    kind?: SuggestionRow["kind"];
    before?: { createdAt: Date; id: string };
    limit: number;
  },
) {
  const { before } = params;
  return db
    .select()
    .from(suggestions)
    .where(
      and(
        eq(suggestions.organizationId, params.organizationId),
        params.status ? eq(suggestions.status, params.status) : undefined,
        params.kind ? eq(suggestions.kind, params.kind) : undefined,
        before
          ? or(
              lt(suggestions.createdAt, before.createdAt),
              and(eq(suggestions.createdAt, before.createdAt), lt(suggestions.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(suggestions.createdAt), desc(suggestions.id))
    .limit(params.limit);
}

/** Moves a pending suggestion to its decision; undefined when it was no longer pending (decided concurrently). */
export async function decideSuggestion(
  db: Executor,
  params: {
    organizationId: string;
    id: string;
    status: Exclude<SuggestionStatus, "pending">;
    decidedBy: string;
    decidedAt: Date;
  },
) {
  const [row] = await db
    .update(suggestions)
    .set({ status: params.status, decidedBy: params.decidedBy, decidedAt: params.decidedAt })
    .where(
      and(
        eq(suggestions.organizationId, params.organizationId),
        eq(suggestions.id, params.id),
        eq(suggestions.status, "pending"),
      ),
    )
    .returning();
  return row;
}

/**
 * Of `values`, those not to suggest again: already on one of the organization's lists of the `subject` kind,
 * already pending for this kind, or decided (rejected, or edited into another value) since `decidedSince`.
 */
export async function selectSuggestionExclusions(
  db: Executor,
  params: {
    organizationId: string;
    kind: SuggestionRow["kind"];
    subject: string;
    values: readonly string[];
    decidedSince: Date;
  },
): Promise<Set<string>> {
  if (params.values.length === 0) return new Set();
  const values = [...params.values];
  const listed = await db
    .select({ value: listItems.value })
    .from(listItems)
    .innerJoin(lists, eq(lists.id, listItems.listId))
    .where(
      and(
        eq(listItems.organizationId, params.organizationId),
        inArray(listItems.value, values),
        sql`${lists.kind}::text = ${params.subject}`,
      ),
    );
  const suggested = await db
    .select({ value: suggestions.value })
    .from(suggestions)
    .where(
      and(
        eq(suggestions.organizationId, params.organizationId),
        eq(suggestions.kind, params.kind),
        eq(suggestions.subject, params.subject),
        inArray(suggestions.value, values),
        or(eq(suggestions.status, "pending"), gte(suggestions.decidedAt, params.decidedSince)),
      ),
    );
  return new Set([...listed, ...suggested].map((row) => row.value));
}

export type AiCalibrationRow = typeof aiCalibrations.$inferSelect;

export async function upsertAiCalibration(db: Executor, row: AiCalibrationRow): Promise<void> {
  const { organizationId: _o, kind: _k, ...values } = row;
  await db
    .insert(aiCalibrations)
    .values(row)
    .onConflictDoUpdate({ target: [aiCalibrations.organizationId, aiCalibrations.kind], set: values });
}

export async function selectAiCalibrations(
  db: Executor,
  organizationId: string,
): Promise<AiCalibrationRow[]> {
  return db.select().from(aiCalibrations).where(eq(aiCalibrations.organizationId, organizationId));
}
