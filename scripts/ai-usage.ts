// bun run ai:usage [--url …] [--key ork_…]
// This month's AI usage ledger of the organization, from the running app (GET /api/v1/ai/usage).
import type { AiUsageReport } from "@orylo/core";
import { apiClient } from "./lib/api-client";

try {
  const report = await apiClient()<AiUsageReport>("/api/v1/ai/usage");
  const { budget, totals } = report;
  console.log(
    `${report.month}: ${budget.spentUsd.toFixed(4)} of ${budget.monthlyBudgetUsd} USD (${budget.state}), ` +
      `${totals.calls} calls, ${totals.inputTokens} + ${totals.outputTokens} tokens, cache hit rate ` +
      `${totals.cacheHitRate === null ? "n/a" : `${(totals.cacheHitRate * 100).toFixed(1)}%`}`,
  );
  for (const row of report.rows)
    console.log(
      `  ${row.feature.padEnd(14)} ${row.provider.padEnd(10)} ${row.model.padEnd(20)} ${String(row.calls).padStart(6)} calls` +
        `  ${String(row.errors).padStart(4)} errors  ${row.costUsd.toFixed(4)} USD  ${row.averageLatencyMs} ms`,
    );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
