import { aiUsage } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import { getAiUsage } from "../src/ai/ai-usage-report";
import { withOrganization } from "../src/context";
import { testCtx } from "./helpers";

describe("getAiUsage", () => {
  it("sums this month's ledger per provider and model, with the cache hit rate, and nothing of last month", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db);
    const now = new Date("2026-11-20T12:00:00Z");
    const row = (provider: string, costMicros: number, extra: Partial<typeof aiUsage.$inferInsert> = {}) => ({
      organizationId: organization.id,
      feature: "explanation",
      provider,
      model: provider === "openai" ? "gpt-4o-mini" : provider,
      promptVersion: "explain-v1",
      costMicros,
      inputTokens: provider === "openai" ? 300 : 0,
      outputTokens: provider === "openai" ? 80 : 0,
      outcome: "ok" as const,
      createdAt: now,
      ...extra,
    });
    await db
      .insert(aiUsage)
      .values([
        row("openai", 93),
        row("openai", 0, { outcome: "error", inputTokens: 0, outputTokens: 0 }),
        row("cache", 0, { cacheHit: true }),
        row("cache", 0, { cacheHit: true }),
        row("cache", 0, { cacheHit: true }),
        row("templates", 0),
        row("openai", 5_000_000, { createdAt: new Date("2026-10-31T23:59:59Z") }),
      ]);
    const report = await getAiUsage(
      withOrganization(
        testCtx(db, () => now),
        organization.id,
      ),
    );
    expect(report).toMatchObject({
      month: "2026-11",
      budget: { monthlyBudgetUsd: 20, spentUsd: 0.000093, state: "ok" },
      totals: {
        calls: 6,
        cacheHits: 3,
        cacheHitRate: 0.75,
        inputTokens: 300,
        outputTokens: 80,
        costUsd: 0.000093,
      },
    });
    expect(report.rows.map((r) => [r.provider, r.calls, r.errors])).toEqual([
      ["cache", 3, 0],
      ["openai", 2, 1],
      ["templates", 1, 0],
    ]);
  });
});
