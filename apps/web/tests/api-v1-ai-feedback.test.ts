import { recordAiFeedback, withOrganization } from "@orylo/core";
import { getTestDatabase } from "@orylo/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getFeedback } from "@/app/api/v1/ai/feedback/route";
import { requestContext } from "@/server/request-context";
import type { Runtime } from "@/server/runtime";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

const get = (url: string, key: string) =>
  new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${key}` } });
const noParams = { params: Promise.resolve({}) };

let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});
afterAll(() => runtime.close());

describe("GET /api/v1/ai/feedback", () => {
  it("answers the organization's acceptance rates by kind and prompt version, and 400 on a bad window", async () => {
    const { db } = await getTestDatabase();
    const merchant = await createTestMerchant(db);
    const ctx = withOrganization(
      { ...requestContext(runtime), actor: { type: "user", userId: "user_test" } },
      merchant.id,
    );
    const base = { kind: "blacklist", promptVersion: "suggest-v1", confidence: 0.9 } as const;
    await recordAiFeedback(ctx, { ...base, proposalId: "sug_1", action: "accepted" });
    await recordAiFeedback(ctx, { ...base, proposalId: "sug_2", action: "rejected", reason: "A regular" });

    const response = await getFeedback(get("/api/v1/ai/feedback?days=7", merchant.apiKey), noParams);
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.byKind).toEqual([
      expect.objectContaining({ kind: "blacklist", accepted: 1, rejected: 1, total: 2, acceptanceRate: 0.5 }),
    ]);
    expect(report.byPromptVersion).toEqual([
      expect.objectContaining({ kind: "blacklist", promptVersion: "suggest-v1", total: 2 }),
    ]);

    const other = await createTestMerchant(db);
    const theirs = await (await getFeedback(get("/api/v1/ai/feedback", other.apiKey), noParams)).json();
    expect(theirs.byKind).toEqual([]);
    const bad = await getFeedback(get("/api/v1/ai/feedback?days=0", merchant.apiKey), noParams);
    expect(bad.status).toBe(400);
  });
});
