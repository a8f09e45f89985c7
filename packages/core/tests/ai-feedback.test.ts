import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { describe, expect, it } from "vitest";
import { type OrgCtx, withOrganization } from "../src/context";
import { getAiFeedback } from "../src/feedback/ai-feedback-report";
import { recordAiFeedback } from "../src/feedback/record-ai-feedback";
import { testCtx } from "./helpers";

async function organizationCtx(now: Date): Promise<OrgCtx> {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  return {
    ...withOrganization(
      testCtx(db, () => now),
      organization.id,
    ),
    actor: { type: "user", userId: "user_analyst" },
  };
}

describe("the AI feedback ledger", () => {
  it("stores each action with its context and reports acceptance by kind and by prompt version", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const ctx = await organizationCtx(now);
    const feedback = (action: "accepted" | "rejected" | "edited", promptVersion: string, extra = {}) =>
      recordAiFeedback(ctx, {
        kind: "whitelist",
        proposalId: `sug_${Math.random()}`,
        action,
        confidence: 0.8,
        promptVersion,
        ...(action === "rejected" ? { reason: "Known reseller" } : {}),
        ...extra,
      });
    const stored = await feedback("edited", "suggest-v1", { editedValue: { expiresAt: "2027-01-01" } });
    expect(stored).toMatchObject({
      organizationId: ctx.organizationId,
      kind: "whitelist",
      action: "edited",
      editedValue: { expiresAt: "2027-01-01" },
      confidence: 0.8,
      actor: "user:user_analyst",
      createdAt: now,
    });
    await feedback("accepted", "suggest-v1");
    await feedback("rejected", "suggest-v1");
    await feedback("rejected", "suggest-v2");
    await recordAiFeedback(ctx, {
      kind: "rule_recommendation",
      proposalId: "rec_1",
      action: "accepted",
      promptVersion: "recommend-v1",
    });

    const report = await getAiFeedback(ctx, { days: 30 });
    expect(report.since).toBe("2026-10-21T12:00:00.000Z");
    expect(report.byKind).toEqual([
      {
        kind: "rule_recommendation",
        accepted: 1,
        edited: 0,
        rejected: 0,
        total: 1,
        acceptanceRate: 1,
        averageConfidence: null,
      },
      expect.objectContaining({ kind: "whitelist", accepted: 1, edited: 1, rejected: 2, total: 4 }),
    ]);
    expect(report.byKind[1]?.acceptanceRate).toBe(0.5);
    expect(report.byKind[1]?.averageConfidence).toBeCloseTo(0.8);
    expect(
      report.byPromptVersion.map((row) => [row.kind, row.promptVersion, row.total, row.acceptanceRate]),
    ).toEqual([
      ["rule_recommendation", "recommend-v1", 1, 1],
      ["whitelist", "suggest-v1", 3, 2 / 3],
      ["whitelist", "suggest-v2", 1, 0],
    ]);
  });

  it("reads only the organization's own feedback within the window", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const ours = await organizationCtx(now);
    const theirs = await organizationCtx(now);
    const old = { ...ours, now: () => new Date("2026-09-01T00:00:00Z") };
    const input = {
      kind: "blacklist",
      proposalId: "sug_x",
      action: "accepted",
      promptVersion: "v1",
    } as const;
    await recordAiFeedback(theirs, input);
    await recordAiFeedback(old, input);
    expect((await getAiFeedback(ours)).byKind).toEqual([]);
    expect((await getAiFeedback(ours, { days: 365 })).byKind).toMatchObject([
      { kind: "blacklist", total: 1 },
    ]);
  });

  it("refuses a rejection without a reason, an edited value on an accept, and an unknown kind", async () => {
    const ctx = await organizationCtx(new Date());
    const base = { proposalId: "sug_1", promptVersion: "v1" };
    await expect(recordAiFeedback(ctx, { ...base, kind: "whitelist", action: "rejected" })).rejects.toThrow(
      /reason/,
    );
    await expect(
      recordAiFeedback(ctx, { ...base, kind: "whitelist", action: "accepted", editedValue: 1 }),
    ).rejects.toThrow(/edit/);
    await expect(
      recordAiFeedback(ctx, { ...base, kind: "greylist" as "whitelist", action: "accepted" }),
    ).rejects.toThrow();
  });
});
