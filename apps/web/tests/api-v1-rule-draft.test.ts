import { aiFeedback } from "@orylo/db";
import { type FakeLlm, type FakeLlmReply, startFakeLlm } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as draftRoute } from "@/app/api/v1/rules/draft/route";
import { POST as createRule, GET as listRules } from "@/app/api/v1/rules/route";
import type { Runtime } from "@/server/runtime";
import { sendCharge } from "./send-charge";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

let fake: FakeLlm;
let runtime: Runtime | null = null;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterEach(async () => {
  await runtime?.close();
  runtime = null;
});
afterAll(() => fake.close());

const noParams = { params: Promise.resolve({}) as Promise<never> };

async function boot(env: Record<string, string>): Promise<TestMerchant> {
  runtime = await bootTestRuntime(env);
  return createTestMerchant(runtime.database.db);
}
const openAi = () => boot({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${fake.url}/v1` });
const anthropicOnly = () => boot({ ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: fake.url });

/** The fake answers each call with the next reply of the script. */
function script(...replies: FakeLlmReply[]) {
  fake.calls.length = 0;
  let next = 0;
  fake.respond = () => replies[Math.min(next++, replies.length - 1)] as FakeLlmReply;
}

async function draft(shop: TestMerchant, body: unknown) {
  const request = new Request("http://localhost/api/v1/rules/draft", {
    method: "POST",
    headers: { authorization: `Bearer ${shop.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await draftRoute(request, noParams);
  return { status: response.status, body: await response.json() };
}

const rulesOf = async (shop: TestMerchant) =>
  (
    await (
      await listRules(
        new Request("http://localhost/api/v1/rules", { headers: { authorization: `Bearer ${shop.apiKey}` } }),
        noParams,
      )
    ).json()
  ).data;

describe("POST /api/v1/rules/draft", () => {
  it("turns a sentence into a compiled rule, its reading and its 90-day backtest, saving nothing", async () => {
    const shop = await openAi();
    await sendCharge(shop.account, 1, { amount: 5_000 });
    await sendCharge(shop.account, 2, { amount: 45_000 });
    script({
      output: {
        rule: "block if :amount_in_eur: > 300 and :email: != 'value_1'",
        reading: "Bloque les paiements de plus de 300 € sauf ceux de value_1.",
      },
    });
    const { status, body } = await draft(shop, {
      text: "Bloque les paiements de plus de 300 euros sauf pour boss@shop.example",
      locale: "fr",
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      text: "Block if :amount_in_eur: > 300 and :email: != 'boss@shop.example'",
      action: "block",
      reading: "Bloque les paiements de plus de 300 € sauf ceux de boss@shop.example.",
      locale: "fr",
      attempts: 1,
      model: "gpt-4o",
      backtest: { payments: 2, rules: [{ hits: 1, amounts: { eur: 45_000 } }] },
    });
    // The model saw a token, never the merchant's email; it wrote the reading in French.
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.user).not.toContain("boss@shop.example");
    expect(fake.calls[0]?.user).toContain("value_1");
    expect(fake.calls[0]?.system).toContain("French");
    expect(await rulesOf(shop)).toEqual([]);

    const accepted = await createRule(
      new Request("http://localhost/api/v1/rules", {
        method: "POST",
        headers: { authorization: `Bearer ${shop.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ text: body.text, draft: { id: body.id, text: body.text } }),
      }),
      noParams,
    );
    expect(accepted.status).toBe(201);
    expect(await rulesOf(shop)).toMatchObject([{ text: body.text }]);
    const db = runtime?.database.db;
    if (!db) throw new Error("no runtime");
    expect(await db.select().from(aiFeedback).where(eq(aiFeedback.proposalId, body.id))).toMatchObject([
      { kind: "rule_draft", action: "accepted", promptVersion: "rule-draft-v1" },
    ]);

    // Saved after an edit in the editor: recorded as an edit, with what was saved.
    const edited = "Block if :amount_in_eur: > 500";
    const changed = await createRule(
      new Request("http://localhost/api/v1/rules", {
        method: "POST",
        headers: { authorization: `Bearer ${shop.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ text: edited, draft: { id: "draft_edited", text: body.text } }),
      }),
      noParams,
    );
    expect(changed.status).toBe(201);
    expect(await db.select().from(aiFeedback).where(eq(aiFeedback.proposalId, "draft_edited"))).toMatchObject(
      [{ kind: "rule_draft", action: "edited", editedValue: { text: edited } }],
    );
  });

  it("feeds the parser's line and column back once when the model's rule does not compile (Anthropic)", async () => {
    const shop = await anthropicOnly();
    script(
      { output: { rule: "Block if :card_contry: = 'US'", reading: "Blocks US cards." } },
      { output: { rule: "Block if :card_country: = 'US'", reading: "Blocks cards issued in the US." } },
    );
    const { status, body } = await draft(shop, { text: "block american cards", locale: "en" });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      text: "Block if :card_country: = 'US'",
      reading: "Blocks cards issued in the US.",
      attempts: 2,
      model: "claude-sonnet-4-6",
    });
    expect(fake.calls.map((call) => call.api)).toEqual(["anthropic", "anthropic"]);
    expect(fake.calls[1]?.user).toMatch(/line 1, column 10: .*card_contry/);
    expect(fake.calls[1]?.user).toContain("did you mean :card_country:?");
  });

  it("answers 400 invalid_rule with the parser's errors when the retry does not compile either", async () => {
    const shop = await openAi();
    script({ output: { rule: "Block when the card is odd", reading: "?" } });
    const { status, body } = await draft(shop, { text: "block odd cards" });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: "invalid_rule",
      details: { errors: [expect.objectContaining({ line: 1, text: "Block when the card is odd" })] },
    });
    expect(fake.calls).toHaveLength(2);
    expect(await rulesOf(shop)).toEqual([]);
  });

  it("answers 503 ai_unavailable when the model answers garbage", async () => {
    const shop = await openAi();
    script({ raw: "Sure! Here is your rule: block the bad ones" });
    const { status, body } = await draft(shop, { text: "block the bad ones" });
    expect(status).toBe(503);
    expect(body.error).toMatchObject({
      code: "ai_unavailable",
      details: { failures: [{ provider: "openai", reason: "error" }] },
    });
  });

  it("answers 503 with a clear message without a configured LLM, and 400 on bad input", async () => {
    const disabled = await boot({
      AI_ENABLED: "false",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: `${fake.url}/v1`,
    });
    fake.calls.length = 0;
    const off = await draft(disabled, { text: "block prepaid cards" });
    expect(off.status).toBe(503);
    expect(off.body.error.code).toBe("ai_unavailable");
    expect(off.body.error.message).toMatch(/none is configured/);
    expect(fake.calls).toEqual([]);

    for (const bad of [{}, { text: "" }, { text: "block it", locale: "de" }, { text: "x".repeat(1001) }]) {
      const { status, body } = await draft(disabled, bad);
      expect(status, JSON.stringify(bad)).toBe(400);
      expect(body.error.code).toBe("invalid_request");
    }
  });
});
