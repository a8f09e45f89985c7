// bun run ai:usage [--url …] [--key ork_…]
// This month's AI usage ledger of the organization (GET /api/v1/ai/usage) and how merchants answered its
// proposals over the last 30 days (GET /api/v1/ai/feedback), from the running app.
import type { AiFeedbackReport, AiUsageReport } from "@orylo/core";
import { apiClient } from "./lib/api-client";

const percent = (rate: number | null) => (rate === null ? "n/a" : `${(rate * 100).toFixed(1)}%`);

try {
  const api = apiClient();
  const report = await api<AiUsageReport>("/api/v1/ai/usage");
  const { budget, totals } = report;
  console.log(
    `${report.month}: ${budget.spentUsd.toFixed(4)} of ${budget.monthlyBudgetUsd} USD (${budget.state}), ` +
      `${totals.calls} calls, ${totals.inputTokens} + ${totals.outputTokens} tokens, cache hit rate ` +
      percent(totals.cacheHitRate),
  );
  for (const row of report.rows)
    console.log(
      `  ${row.feature.padEnd(14)} ${row.provider.padEnd(10)} ${row.model.padEnd(20)} ${String(row.calls).padStart(6)} calls` +
        `  ${String(row.errors).padStart(4)} errors  ${row.costUsd.toFixed(4)} USD  ${row.averageLatencyMs} ms`,
    );
  const feedback = await api<AiFeedbackReport>("/api/v1/ai/feedback");
  console.log(`\nFeedback since ${feedback.since.slice(0, 10)}: acceptance by kind and prompt version`);
  if (feedback.byPromptVersion.length === 0) console.log("  none yet");
  for (const row of feedback.byPromptVersion)
    console.log(
      `  ${row.kind.padEnd(20)} ${row.promptVersion.padEnd(16)} ${String(row.total).padStart(5)} answers` +
        `  ${String(row.accepted).padStart(4)} accepted  ${String(row.edited).padStart(4)} edited` +
        `  ${String(row.rejected).padStart(4)} rejected  ${percent(row.acceptanceRate)} taken`,
    );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
