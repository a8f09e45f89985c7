import { getTestDatabase } from "@orylo/db/testing";
import { asFreshEvent, type FakeLlm, loadStripeFixture, startFakeLlm } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getUsage } from "@/app/api/v1/ai/usage/route";
import { GET as getDetection } from "@/app/api/v1/detections/[id]/route";
import { GET as getJobs } from "@/app/api/v1/jobs/route";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant } from "./test-merchant";
import { bootTestRuntime, DEMO_API_KEY, PLATFORM_SECRET } from "./web-test-runtime";

const get = (url: string, key = DEMO_API_KEY) =>
  new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${key}` } });

const noParams = { params: Promise.resolve({}) };

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm((call) => ({
    output: {
      summary: call.system.includes("French")
        ? "Paiement évalué (score {risk_score})."
        : "Payment scored (risk {risk_score}).",
      factors: [],
    },
  }));
});
afterAll(() => fake.close());

describe("AI explanations, usage and jobs through API v1", () => {
  it("uses an OpenAI-compatible server from OPENAI_BASE_URL alone, and shows usage and task runs", async () => {
    const runtime = await bootTestRuntime({ OPENAI_BASE_URL: `${fake.url}/v1` }, { startTasks: true });
    try {
      const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.failed.json"));
      const { body } = await sendWebhook(event, { secret: PLATFORM_SECRET });
      const id = (body.detection as { id: string }).id;
      let explanation: { status: string; source?: string; summary?: string } | null = null;
      for (let attempt = 0; attempt < 60 && explanation?.status !== "ready"; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const response = await getDetection(get(`/api/v1/detections/${id}`), {
          params: Promise.resolve({ id }),
        });
        explanation = (await response.json()).explanation;
      }
      expect(explanation).toMatchObject({
        status: "ready",
        source: "llm",
        summary: expect.stringMatching(/\d/),
      });
      expect(fake.calls.at(-1)).toMatchObject({
        api: "openai",
        model: "gpt-4o-mini",
        schemaName: "explanation",
      });

      const usage = await (await getUsage(get("/api/v1/ai/usage"), noParams)).json();
      expect(usage).toMatchObject({
        month: new Date().toISOString().slice(0, 7),
        budget: { monthlyBudgetUsd: 20, state: "ok" },
        totals: { cacheHitRate: expect.any(Number), costUsd: expect.any(Number) },
      });
      expect(usage.rows).toContainEqual(
        expect.objectContaining({
          feature: "explanation",
          provider: "openai",
          model: "gpt-4o-mini",
          errors: 0,
        }),
      );
      expect(usage.totals.costUsd).toBeGreaterThan(0);

      const jobs = await (
        await getJobs(get("/api/v1/jobs?task=detection.explain&status=done"), noParams)
      ).json();
      expect(jobs.data[0]).toMatchObject({
        task: "detection.explain",
        status: "done",
        attempts: 1,
        lastError: null,
      });

      // Another organization's key sees none of these runs.
      const { db } = await getTestDatabase();
      const other = await createTestMerchant(db);
      const theirs = await (await getJobs(get("/api/v1/jobs", other.apiKey), noParams)).json();
      expect(theirs).toEqual({ data: [], nextCursor: null });
      const bad = await getJobs(get("/api/v1/jobs?status=exploded"), noParams);
      expect(bad.status).toBe(400);
    } finally {
      await runtime.close();
    }
  });
});
