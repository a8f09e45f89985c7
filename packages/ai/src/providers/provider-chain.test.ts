import { type FakeLlm, startFakeLlm } from "@orylo/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { LlmOutputError } from "./llm-provider";
import { type AiSettings, createProviderChain } from "./provider-chain";

const Answer = z.object({ verdict: z.enum(["yes", "no"]), reason: z.string().min(1) });
const request = {
  feature: "explanation" as const,
  system: "You answer yes or no.",
  user: "Is this a test?",
  schemaName: "answer",
  schema: Answer,
};

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
});

function settings(overrides: Partial<AiSettings> = {}): AiSettings {
  const models = { small: null, large: null };
  return {
    enabled: true,
    openai: { apiKey: "sk-test", baseUrl: `${fake.url}/v1`, models },
    anthropic: { apiKey: "sk-ant-test", baseUrl: fake.url, models },
    timeoutMs: 2_000,
    maxRetries: 0,
    ...overrides,
  };
}

describe("provider chain through the real SDKs", () => {
  it("asks OpenAI first for a structured answer, with the small model for explanations", async () => {
    fake.respond = () => ({ output: { verdict: "yes", reason: "it says so" } });
    const outcome = await createProviderChain(settings()).complete(request);
    expect(outcome).toMatchObject({
      ok: true,
      failures: [],
      result: { provider: "openai", model: "gpt-4o-mini" },
    });
    if (!outcome.ok) return;
    expect(outcome.result.data).toEqual({ verdict: "yes", reason: "it says so" });
    expect(outcome.result.usage.inputTokens).toBeGreaterThan(0);
    expect(fake.calls).toMatchObject([{ api: "openai", schemaName: "answer", user: "Is this a test?" }]);
  });

  it("uses the large model for recommendations, and the configured override", async () => {
    fake.respond = () => ({ output: { verdict: "no", reason: "r" } });
    const chain = createProviderChain(
      settings({
        openai: { apiKey: "k", baseUrl: `${fake.url}/v1`, models: { small: null, large: "my-llama" } },
      }),
    );
    await chain.complete({ ...request, feature: "recommendation" });
    await chain.complete({ ...request, feature: "explanation" });
    expect(fake.calls.map((c) => c.model)).toEqual(["my-llama", "gpt-4o-mini"]);
  });

  it.each([
    ["an HTTP 500", { status: 500 }],
    ["a 429", { status: 429, message: "rate limited" }],
    ["malformed JSON", { raw: "Sure! The answer is yes." }],
    ["an answer off the schema", { output: { verdict: "maybe" } }],
    ["a timeout", { output: { verdict: "yes", reason: "late" }, delayMs: 600 }],
  ])("falls back to Anthropic (tool use) after %s from OpenAI", async (_, reply) => {
    fake.respond = (call) =>
      call.api === "openai" ? reply : { output: { verdict: "no", reason: "from claude" } };
    const outcome = await createProviderChain(settings({ timeoutMs: 300 })).complete(request);
    expect(outcome).toMatchObject({
      ok: true,
      result: {
        provider: "anthropic",
        model: "claude-haiku-4-5",
        data: { verdict: "no", reason: "from claude" },
      },
      failures: [{ provider: "openai", reason: "error" }],
    });
    expect(fake.calls.at(-1)).toMatchObject({
      api: "anthropic",
      schemaName: "answer",
      system: request.system,
    });
  });

  it("reports every failure when both providers fail, and never throws", async () => {
    fake.respond = (call) =>
      call.api === "openai" ? { status: 503 } : { status: 529, message: "Overloaded" };
    const outcome = await createProviderChain(settings()).complete(request);
    expect(outcome.ok).toBe(false);
    expect(outcome.failures.map((f) => f.provider)).toEqual(["openai", "anthropic"]);
    expect(outcome.failures[1]?.error).toContain("Overloaded");
  });

  it("retries a transient error inside a provider before moving on", async () => {
    let calls = 0;
    fake.respond = () =>
      ++calls === 1 ? { status: 503 } : { output: { verdict: "yes", reason: "second try" } };
    const outcome = await createProviderChain(settings({ maxRetries: 1 })).complete(request);
    expect(outcome).toMatchObject({ ok: true, result: { provider: "openai" }, failures: [] });
    expect(fake.calls.map((c) => c.api)).toEqual(["openai", "openai"]);
  });

  it("moves on when the grounding check rejects the answer", async () => {
    fake.respond = (call) => ({ output: { verdict: call.api === "openai" ? "yes" : "no", reason: "r" } });
    const outcome = await createProviderChain(settings()).complete(request, (data) => {
      if (data.verdict === "yes") throw new LlmOutputError("cites nothing in the trace");
      return data;
    });
    expect(outcome).toMatchObject({ ok: true, result: { provider: "anthropic" } });
    expect(outcome.failures[0]?.error).toContain("cites nothing in the trace");
  });

  it("opens a provider's circuit after three failures in a row and skips it without a call", async () => {
    fake.respond = (call) =>
      call.api === "openai" ? { status: 500 } : { output: { verdict: "no", reason: "r" } };
    const chain = createProviderChain(settings({ breaker: { failureThreshold: 3, openMs: 60_000 } }));
    for (let i = 0; i < 4; i++) await chain.complete(request);
    expect(fake.calls.filter((c) => c.api === "openai")).toHaveLength(3);
    const last = await chain.complete(request);
    expect(last.failures).toMatchObject([{ provider: "openai", reason: "circuit_open" }]);
  });

  it("has no provider when AI_ENABLED=false or no key is set", () => {
    expect(createProviderChain(settings({ enabled: false })).providers).toEqual([]);
    expect(createProviderChain(settings({ openai: null, anthropic: null })).providers).toEqual([]);
  });
});
