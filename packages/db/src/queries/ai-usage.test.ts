import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { aiUsage } from "../schema";
import { aiCostSince, type NewAiUsage, recordAiUsage, summarizeAiUsage } from "./ai-usage";

const since = new Date("2026-11-01T00:00:00Z");

describe("AI usage ledger", () => {
  it("records rows of every shape, in one call or several, for their organization only", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db);
    const other = await createTestOrganization(db);
    const base = { organizationId: organization.id, feature: "explanation", promptVersion: "explain-v1" };
    const free: NewAiUsage = { ...base, provider: "templates", model: "templates", outcome: "ok" };
    const failed: NewAiUsage = {
      ...base,
      provider: "openai",
      model: "gpt-4o-mini",
      outcome: "error",
      error: "x".repeat(2_000),
      createdAt: new Date("2026-11-20T12:00:00Z"),
    };
    const answered: NewAiUsage = {
      ...base,
      provider: "anthropic",
      model: "claude-haiku",
      inputTokens: 300,
      outputTokens: 80,
      costMicros: 93,
      latencyMs: 420,
      outcome: "ok",
      createdAt: new Date("2026-11-20T12:00:01Z"),
    };

    await recordAiUsage(db, [free]);
    await recordAiUsage(db, [failed, answered]);
    await recordAiUsage(db, [{ ...free, cacheHit: true, provider: "cache", model: "cache" }]);
    await recordAiUsage(db, [{ ...answered, organizationId: other.id }]);
    await recordAiUsage(db, []);

    const rows = await db
      .select()
      .from(aiUsage)
      .where(eq(aiUsage.organizationId, organization.id))
      .orderBy(asc(aiUsage.provider));
    expect(
      rows.map((row) => [row.provider, row.cacheHit, row.costMicros, row.error?.length ?? null]),
    ).toEqual([
      ["anthropic", false, 93, null],
      ["cache", true, 0, null],
      ["openai", false, 0, 500],
      ["templates", false, 0, null],
    ]);
    // A row without a time takes the database's clock; one with a time keeps it.
    expect(rows.find((row) => row.provider === "templates")!.createdAt.getTime()).toBeGreaterThan(
      Date.now() - 60_000,
    );
    expect(rows.find((row) => row.provider === "openai")!.createdAt).toEqual(failed.createdAt);

    expect(await aiCostSince(db, organization.id, since)).toBe(93);
    expect(await aiCostSince(db, other.id, since)).toBe(93);
    expect(await aiCostSince(db, organization.id, new Date("2026-11-20T12:00:02Z"))).toBe(0);
    const summary = await summarizeAiUsage(db, organization.id, since);
    expect(summary.map((row) => [row.provider, row.calls, row.errors, row.cacheHits])).toEqual([
      ["anthropic", 1, 0, 0],
      ["cache", 1, 0, 1],
      ["openai", 1, 1, 0],
      ["templates", 1, 0, 0],
    ]);
  });
});
