import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDetection } from "@/app/api/v1/detections/[id]/route";
import { DELETE as deleteItem } from "@/app/api/v1/lists/[id]/items/[value]/route";
import { POST as addItems } from "@/app/api/v1/lists/[id]/items/route";
import { POST as createList, GET as listLists } from "@/app/api/v1/lists/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { DELETE as deleteRule, GET as getRule, PATCH as patchRule } from "@/app/api/v1/rules/[id]/route";
import { GET as listVersions } from "@/app/api/v1/rules/[id]/versions/route";
import { POST as createRule, GET as listRules } from "@/app/api/v1/rules/route";
import { POST as validateRule } from "@/app/api/v1/rules/validate/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type Merchant = TestMerchant;

let runtime: Runtime;
let merchant: Merchant;
let stranger: Merchant;

async function call(
  handler: Handler,
  path: string,
  {
    apiKey = merchant.apiKey,
    params = {},
    method = "GET",
    body,
  }: { apiKey?: string | null; params?: Record<string, string>; method?: string; body?: unknown } = {},
) {
  const headers = new Headers(apiKey ? { authorization: `Bearer ${apiKey}` } : {});
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params as never) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

const newMerchant = (): Promise<Merchant> => createTestMerchant(runtime.database.db);

/** A succeeded $20 US credit-card charge (ALLOW from the detectors alone), delivered through the webhook. */
async function charge(account: string, patch: Record<string, unknown> = {}) {
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), { account });
  Object.assign(
    event.data.object as Record<string, unknown>,
    { id: `ch_rules_${crypto.randomUUID().slice(0, 12)}`, payment_intent: null },
    patch,
  );
  const { body } = await sendWebhook(event, { secret: CONNECT_SECRET });
  return body.detection as { id: string; decision: string };
}

beforeAll(async () => {
  runtime = await bootTestRuntime();
  merchant = await newMerchant();
  stranger = await newMerchant();
});

describe("POST /api/v1/rules", () => {
  it("answers a rule that does not compile with a 400 naming line, column and the nearest attribute", async () => {
    const { status, body } = await call(createRule, "/api/v1/rules", {
      method: "POST",
      body: { text: "Block if :amount_in_eur: > 500\n  and :card_fundng: = 'prepaid'" },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_rule");
    expect(body.error.message).toMatch(/2:7/);
    expect(body.error.details.errors[0]).toMatchObject({
      code: "unknown_attribute",
      line: 2,
      column: 7,
      suggestion: "card_funding",
    });
  });

  it("saves a valid rule and applies it to the next webhook charge", async () => {
    const before = await charge(merchant.account);
    expect(before.decision).toBe("ALLOW");
    const created = await call(createRule, "/api/v1/rules", {
      method: "POST",
      body: { name: "US cards over $10", text: "block if :amount_in_usd: > 10 AND :card_country: = 'US'" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ action: "block", version: 1, mode: "enforced", enabled: true });
    expect((await charge(merchant.account)).decision).toBe("BLOCK");

    const id = created.body.id as string;
    const shadowed = await call(patchRule, `/api/v1/rules/${id}`, {
      method: "PATCH",
      params: { id },
      body: { mode: "shadow" },
    });
    expect(shadowed.body).toMatchObject({ version: 2, mode: "shadow" });
    const shadowCharge = await charge(merchant.account);
    expect(shadowCharge.decision).toBe("ALLOW");
    const detail = await call(getDetection, `/api/v1/detections/${shadowCharge.id}`, {
      params: { id: shadowCharge.id },
    });
    expect(detail.body.ruleOutcomes).toEqual([
      expect.objectContaining({ ruleId: id, version: 2, outcome: "hit", shadow: true, action: "block" }),
    ]);
    expect(detail.body.ruleOutcomes[0].seen).toMatchObject({ card_country: "US" });

    const versions = await call(listVersions, `/api/v1/rules/${id}/versions`, { params: { id } });
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.data[0].changed).toEqual(["mode"]);
    const listed = await call(listRules, "/api/v1/rules");
    expect(listed.body.data.map((r: { id: string }) => r.id)).toContain(id);

    expect((await call(deleteRule, `/api/v1/rules/${id}`, { method: "DELETE", params: { id } })).status).toBe(
      204,
    );
    expect((await call(getRule, `/api/v1/rules/${id}`, { params: { id } })).status).toBe(404);
  });

  it("validates without saving", async () => {
    const ok = await call(validateRule, "/api/v1/rules/validate", {
      method: "POST",
      body: { text: "review if :amount_in_eur: > 500" },
    });
    expect(ok.body).toMatchObject({ valid: true, action: "review" });
    const bad = await call(validateRule, "/api/v1/rules/validate", {
      method: "POST",
      body: { text: "review if :amount_in_eur >" },
    });
    expect(bad.body.valid).toBe(false);
    expect(bad.body.errors[0]).toMatchObject({ line: 1, column: expect.any(Number) });
    const malformed = await call(validateRule, "/api/v1/rules/validate", { method: "POST", body: "{" });
    expect(malformed.status).toBe(400);
  });
});

describe("lists read by rules as @name", () => {
  it("blocks a charge whose email is on a list a rule names, until the item is removed", async () => {
    // A fresh merchant: the other tests' charges on the same card would add velocity evidence.
    const shop = await newMerchant();
    const apiKey = shop.apiKey;
    const list = await call(createList, "/api/v1/lists", {
      apiKey,
      method: "POST",
      body: { name: "blocked_emails", kind: "email" },
    });
    expect(list.status).toBe(201);
    const id = list.body.id as string;
    const added = await call(addItems, `/api/v1/lists/${id}/items`, {
      apiKey,
      method: "POST",
      params: { id },
      body: { items: [{ value: "Fraudster@Example.com" }] },
    });
    expect(added.body.data[0]).toMatchObject({ value: "fraudster@example.com", source: "manual" });
    const rule = await call(createRule, "/api/v1/rules", {
      apiKey,
      method: "POST",
      body: { text: "Block if :email: in @blocked_emails" },
    });
    expect(rule.status).toBe(201);

    expect((await charge(shop.account, { receipt_email: "fraudster@example.com" })).decision).toBe("BLOCK");
    expect((await charge(shop.account, { receipt_email: "friend@example.com" })).decision).toBe("ALLOW");

    const lists = await call(listLists, "/api/v1/lists", { apiKey });
    expect(lists.body.data).toEqual([expect.objectContaining({ name: "blocked_emails", itemCount: 1 })]);
    const value = encodeURIComponent("fraudster@example.com");
    const removed = await call(deleteItem, `/api/v1/lists/${id}/items/${value}`, {
      apiKey,
      method: "DELETE",
      params: { id, value: "fraudster@example.com" },
    });
    expect(removed.status).toBe(204);
    expect((await charge(shop.account, { receipt_email: "fraudster@example.com" })).decision).toBe("ALLOW");
  });
});

describe("scoping and authentication", () => {
  it("answers 404 for another organization's rule or list", async () => {
    const rule = await call(createRule, "/api/v1/rules", {
      method: "POST",
      body: { text: "Review if :amount_in_eur: > 100000" },
    });
    const id = rule.body.id as string;
    const apiKey = stranger.apiKey;
    expect((await call(getRule, `/api/v1/rules/${id}`, { apiKey, params: { id } })).status).toBe(404);
    const patched = await call(patchRule, `/api/v1/rules/${id}`, {
      apiKey,
      method: "PATCH",
      params: { id },
      body: { enabled: false },
    });
    expect(patched.status).toBe(404);
    expect(patched.body.error.code).toBe("not_found");
    expect(
      (await call(listVersions, `/api/v1/rules/${id}/versions`, { apiKey, params: { id } })).status,
    ).toBe(404);
    const list = await call(createList, "/api/v1/lists", {
      method: "POST",
      body: { name: "mine", kind: "string" },
    });
    const listId = list.body.id as string;
    const items = await call(addItems, `/api/v1/lists/${listId}/items`, {
      apiKey,
      method: "POST",
      params: { id: listId },
      body: { items: [{ value: "x" }] },
    });
    expect(items.status).toBe(404);
    expect((await call(listRules, "/api/v1/rules", { apiKey })).body.data).toEqual([]);
  });

  it("requires an API key", async () => {
    expect((await call(listRules, "/api/v1/rules", { apiKey: null })).status).toBe(401);
    const created = await call(createRule, "/api/v1/rules", {
      apiKey: null,
      method: "POST",
      body: { text: "Block if :card_country: = 'US'" },
    });
    expect(created.status).toBe(401);
    expect((await call(listLists, "/api/v1/lists", { apiKey: null })).status).toBe(401);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents the rule and list endpoints", async () => {
    const document = await (await getOpenApi()).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/rules",
        "/api/v1/rules/{id}",
        "/api/v1/rules/{id}/versions",
        "/api/v1/rules/validate",
        "/api/v1/lists",
        "/api/v1/lists/{id}/items",
        "/api/v1/lists/{id}/items/{value}",
      ]),
    );
  });
});
