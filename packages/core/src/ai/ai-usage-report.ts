import { summarizeAiUsage } from "@orylo/db";
import { z } from "zod";
import type { OrgCtx } from "../context";
import { readAiBudget } from "./ai-budget";

const micros = (value: number) => Math.round(value) / 1e6;

export const AiUsageRow = z.object({
  feature: z.string(),
  provider: z
    .string()
    .meta({ description: "`openai`, `anthropic`, `cache` (structure cache hit) or `templates`." }),
  model: z.string(),
  calls: z.number().int(),
  errors: z.number().int(),
  cacheHits: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  averageLatencyMs: z.number().int(),
});

export const AiUsageReport = z.object({
  month: z.string().meta({ example: "2026-11" }),
  budget: z.object({
    monthlyBudgetUsd: z.number(),
    spentUsd: z.number(),
    state: z.enum(["ok", "warning", "exhausted"]).meta({
      description:
        "`warning` from 75 % (an alert is raised); `exhausted` at 100 %: templates only until the month ends.",
    }),
  }),
  totals: z.object({
    calls: z.number().int(),
    cacheHits: z.number().int(),
    /** Of the explanations that needed a structure (LLM calls that answered, and cache hits). */
    cacheHitRate: z
      .number()
      .nullable()
      .meta({ description: "Cache hits / (cache hits + successful LLM calls)." }),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    costUsd: z.number(),
  }),
  rows: z.array(AiUsageRow),
});
export type AiUsageReport = z.infer<typeof AiUsageReport>;

/** `GET /api/v1/ai/usage`: the usage ledger of the current month (UTC) against the organization's budget. */
export async function getAiUsage(ctx: OrgCtx): Promise<AiUsageReport> {
  const budget = await readAiBudget(ctx);
  const rows = await summarizeAiUsage(ctx.db, ctx.organizationId, budget.monthStart);
  const sum = (pick: (row: (typeof rows)[number]) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  const cacheHits = sum((row) => row.cacheHits);
  const answered = sum((row) =>
    row.provider === "openai" || row.provider === "anthropic" ? row.calls - row.errors : 0,
  );
  return {
    month: budget.monthStart.toISOString().slice(0, 7),
    budget: {
      monthlyBudgetUsd: micros(budget.budgetMicros),
      spentUsd: micros(budget.spentMicros),
      state: budget.state,
    },
    totals: {
      calls: sum((row) => row.calls),
      cacheHits,
      cacheHitRate: cacheHits + answered === 0 ? null : cacheHits / (cacheHits + answered),
      inputTokens: sum((row) => row.inputTokens),
      outputTokens: sum((row) => row.outputTokens),
      costUsd: micros(sum((row) => row.costMicros)),
    },
    rows: rows.map(({ costMicros, ...row }) => ({ ...row, costUsd: micros(costMicros) })),
  };
}
