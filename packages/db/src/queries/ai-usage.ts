import { and, count, eq, gte, sql, sum } from "drizzle-orm";
import type { Executor } from "../client";
import { aiUsage } from "../schema";
import {
  compiledStatement,
  compiledStatementsByShape,
  definedKeys,
  placeholderRow,
  prefixedValues,
} from "./compiled-statement";

export type NewAiUsage = Omit<typeof aiUsage.$inferInsert, "id" | "createdAt"> & { createdAt?: Date };

const MAX_ERROR_LENGTH = 500;

export async function recordAiUsage(db: Executor, rows: NewAiUsage[]): Promise<void> {
  if (rows.length === 0) return;
  const ledger = rows.map((row) => ({ ...row, error: row.error?.slice(0, MAX_ERROR_LENGTH) ?? null }));
  await insertUsage(
    db,
    ledger.map(definedKeys),
    Object.assign({}, ...ledger.map((row, index) => prefixedValues(row, `r${index}_`))),
  );
}

/**
 * Built once per shape (compiled-statement.ts): every explanation, suggestion and recommendation records its
 * calls. A shape is the columns each row carries; the ledger writes a few (a free row, an answered call, the
 * failed providers before it).
 */
const insertUsage = compiledStatementsByShape(
  "orylo_insert_ai_usage",
  (shape: string[][]) => JSON.stringify(shape),
  (db, shape) =>
    db
      .insert(aiUsage)
      .values(shape.map((keys, index) => placeholderRow(keys, `r${index}_`) as unknown as NewAiUsage)),
);

/** What the organization spent on LLM calls since `since` (the start of its budget month), in micro-dollars. */
export async function aiCostSince(db: Executor, organizationId: string, since: Date): Promise<number> {
  const [row] = await selectCostSince(db, { organizationId, since });
  return row?.cost ?? 0;
}

/** Read before every LLM explanation (the budget), so built once too. */
const selectCostSince = compiledStatement("orylo_ai_cost_since", (db) =>
  db
    .select({ cost: sum(aiUsage.costMicros).mapWith(Number) })
    .from(aiUsage)
    .where(
      and(
        eq(aiUsage.organizationId, sql.placeholder("organizationId")),
        gte(aiUsage.createdAt, sql.placeholder("since")),
      ),
    ),
);

/** The ledger since `since`, grouped by feature, provider and model. */
export async function summarizeAiUsage(db: Executor, organizationId: string, since: Date) {
  return db
    .select({
      feature: aiUsage.feature,
      provider: aiUsage.provider,
      model: aiUsage.model,
      calls: count(),
      errors: sql<number>`count(*) filter (where ${aiUsage.outcome} = 'error')`.mapWith(Number),
      cacheHits: sql<number>`count(*) filter (where ${aiUsage.cacheHit})`.mapWith(Number),
      inputTokens: sum(aiUsage.inputTokens).mapWith(Number),
      outputTokens: sum(aiUsage.outputTokens).mapWith(Number),
      costMicros: sum(aiUsage.costMicros).mapWith(Number),
      averageLatencyMs: sql<number>`coalesce(round(avg(${aiUsage.latencyMs})), 0)`.mapWith(Number),
    })
    .from(aiUsage)
    .where(and(eq(aiUsage.organizationId, organizationId), gte(aiUsage.createdAt, since)))
    .groupBy(aiUsage.feature, aiUsage.provider, aiUsage.model)
    .orderBy(aiUsage.feature, aiUsage.provider, aiUsage.model);
}
