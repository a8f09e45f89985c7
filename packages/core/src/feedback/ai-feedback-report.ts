import { countAiFeedback } from "@orylo/db";
import type { OrgCtx } from "../context";
import { type AiFeedbackAction, AiFeedbackQuery, type AiFeedbackReport } from "./ai-feedback-schemas";

const DAY_MS = 86_400_000;

type Counts = Record<AiFeedbackAction, number> & { confidenceSum: number; confidenceCount: number };
type Row = Awaited<ReturnType<typeof countAiFeedback>>[number];

function emptyCounts(): Counts {
  return { accepted: 0, edited: 0, rejected: 0, confidenceSum: 0, confidenceCount: 0 };
}

function add(counts: Counts, row: Row): void {
  counts[row.action] += row.count;
  if (row.averageConfidence !== null) {
    counts.confidenceSum += row.averageConfidence * row.count;
    counts.confidenceCount += row.count;
  }
}

function rates(counts: Counts) {
  const total = counts.accepted + counts.edited + counts.rejected;
  return {
    accepted: counts.accepted,
    edited: counts.edited,
    rejected: counts.rejected,
    total,
    acceptanceRate: total === 0 ? null : (counts.accepted + counts.edited) / total,
    averageConfidence: counts.confidenceCount === 0 ? null : counts.confidenceSum / counts.confidenceCount,
  };
}

/** The rows summed per group; `label` names a group from any of its rows. */
function summarize<L extends object>(rows: readonly Row[], label: (row: Row) => L) {
  const groups = new Map<string, { label: L; counts: Counts }>();
  for (const row of rows) {
    const key = JSON.stringify(label(row));
    const group = groups.get(key) ?? { label: label(row), counts: emptyCounts() };
    add(group.counts, row);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ label, counts }) => ({ ...label, ...rates(counts) }));
}

/**
 * `GET /api/v1/ai/feedback`: how merchants answered AI proposals over the last `days` days, by kind and by
 * prompt version within each kind, so two prompt versions can be compared on the same kind of proposal.
 */
export async function getAiFeedback(ctx: OrgCtx, query: AiFeedbackQuery = {}): Promise<AiFeedbackReport> {
  const { days } = AiFeedbackQuery.parse(query);
  const since = new Date(ctx.now().getTime() - days * DAY_MS);
  const rows = await countAiFeedback(ctx.db, ctx.organizationId, since);
  return {
    since: since.toISOString(),
    byKind: summarize(rows, ({ kind }) => ({ kind })),
    byPromptVersion: summarize(rows, ({ kind, promptVersion }) => ({ kind, promptVersion })),
  };
}
