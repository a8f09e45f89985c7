import { aiFeedback, rules } from "@orylo/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as applyRoute } from "@/app/api/v1/recommendations/[id]/apply/route";
import { POST as rejectRoute } from "@/app/api/v1/recommendations/[id]/reject/route";
import { GET as getRoute } from "@/app/api/v1/recommendations/[id]/route";
import { GET as listRoute } from "@/app/api/v1/recommendations/route";
import type { Runtime } from "@/server/runtime";
import { seedRecommendation } from "./seed-recommendation";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime } from "./web-test-runtime";

let runtime: Runtime;
let shop: TestMerchant;
let stranger: TestMerchant;
beforeAll(async () => {
  runtime = await bootTestRuntime();
  shop = await createTestMerchant(runtime.database.db);
  stranger = await createTestMerchant(runtime.database.db);
});

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
async function call(
  handler: Handler,
  who: TestMerchant,
  path: string,
  params: Record<string, string> = {},
  body?: unknown,
) {
  const request = new Request(`http://localhost${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${who.apiKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const response = await handler(request, { params: Promise.resolve(params) as Promise<never> });
  return { status: response.status, body: await response.json() };
}

describe("API v1 rule recommendations", () => {
  it("lists newest first with a cursor, applies in shadow, rejects with a reason, and shows effectiveness", async () => {
    const first = await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'BR'");
    const second = await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'NG'");

    const page = await call(listRoute, shop, "/api/v1/recommendations?limit=1");
    expect(page.status).toBe(200);
    expect(page.body.data.map((r: { id: string }) => r.id)).toEqual([second]);
    const next = await call(
      listRoute,
      shop,
      `/api/v1/recommendations?limit=1&cursor=${page.body.nextCursor}`,
    );
    expect(next.body).toMatchObject({ data: [{ id: first, status: "pending" }], nextCursor: null });

    const applied = await call(applyRoute, shop, `/api/v1/recommendations/${first}/apply`, { id: first }, {});
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({
      status: "applied",
      appliedMode: "shadow",
      ruleId: expect.stringMatching(/^rule_/),
    });
    const detail = await call(getRoute, shop, `/api/v1/recommendations/${first}`, { id: first });
    expect(detail.body).toMatchObject({
      ruleId: applied.body.ruleId,
      effectiveness: { hits: 0, fraudCaught: 0, legitimateHit: 0 },
    });
    const twice = await call(applyRoute, shop, `/api/v1/recommendations/${first}/apply`, { id: first }, {});
    expect(twice).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });

    const rejected = await call(
      rejectRoute,
      shop,
      `/api/v1/recommendations/${second}/reject`,
      { id: second },
      { reason: "We sell there." },
    );
    expect(rejected.body).toMatchObject({ status: "rejected", rejectReason: "We sell there." });
    const pending = await call(listRoute, shop, "/api/v1/recommendations?status=pending");
    expect(pending.body).toEqual({ data: [], nextCursor: null });
  });

  it("applies the merchant's edited version instead, recorded as an edit in the AI feedback ledger", async () => {
    const id = await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'VN'");
    const edited = "Review if :card_country: = 'VN' and :amount_in_eur: > 50";
    const applied = await call(
      applyRoute,
      shop,
      `/api/v1/recommendations/${id}/apply`,
      { id },
      {
        text: edited,
        mode: "enforced",
      },
    );
    expect(applied.body).toMatchObject({ status: "applied", appliedMode: "enforced" });
    const [rule] = await runtime.database.db.select().from(rules).where(eq(rules.id, applied.body.ruleId));
    expect(rule).toMatchObject({ text: edited, mode: "enforced" });
    const feedback = await runtime.database.db.select().from(aiFeedback).where(eq(aiFeedback.proposalId, id));
    expect(feedback).toMatchObject([{ action: "edited", editedValue: { text: edited } }]);
    const invalid = await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'KP'");
    const broken = await call(
      applyRoute,
      shop,
      `/api/v1/recommendations/${invalid}/apply`,
      { id: invalid },
      {
        text: "Review if :card_contry: = 'KP'",
      },
    );
    expect(broken).toMatchObject({ status: 400, body: { error: { code: "invalid_rule" } } });
    expect(
      (await call(getRoute, shop, `/api/v1/recommendations/${invalid}`, { id: invalid })).body.status,
    ).toBe("pending");
  });

  it("scopes every call to the key's organization", async () => {
    const id = await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'CN'");
    expect((await call(listRoute, stranger, "/api/v1/recommendations")).body).toEqual({
      data: [],
      nextCursor: null,
    });
    for (const [handler, path, body] of [
      [getRoute, `/api/v1/recommendations/${id}`, undefined],
      [applyRoute, `/api/v1/recommendations/${id}/apply`, {}],
      [rejectRoute, `/api/v1/recommendations/${id}/reject`, { reason: "mine now" }],
    ] as const) {
      const response = await call(handler, stranger, path, { id }, body);
      expect(response, path).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    }
    expect((await call(getRoute, shop, `/api/v1/recommendations/${id}`, { id })).body.status).toBe("pending");
  });

  it("answers 400 on bad input", async () => {
    const id = await seedRecommendation(runtime.database.db, shop.id, "Review if :card_country: = 'RU'");
    const cases = [
      [listRoute, "/api/v1/recommendations?status=maybe", undefined],
      [listRoute, "/api/v1/recommendations?limit=0", undefined],
      [listRoute, "/api/v1/recommendations?cursor=not-a-cursor", undefined],
      [applyRoute, `/api/v1/recommendations/${id}/apply`, { mode: "loud" }],
      [applyRoute, `/api/v1/recommendations/${id}/apply`, { expiresAt: "tomorrow" }],
      [applyRoute, `/api/v1/recommendations/${id}/apply`, "{not json"],
      [rejectRoute, `/api/v1/recommendations/${id}/reject`, {}],
      [rejectRoute, `/api/v1/recommendations/${id}/reject`, { reason: "  " }],
      [rejectRoute, `/api/v1/recommendations/${id}/reject`, { reason: "x".repeat(501) }],
    ] as const;
    for (const [handler, path, body] of cases) {
      const response = await call(handler, shop, path, { id }, body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error.code).toBe("invalid_request");
    }
    expect((await call(getRoute, shop, `/api/v1/recommendations/${id}`, { id })).body.status).toBe("pending");
  });

  it("is in the OpenAPI document", async () => {
    const document = await (await getOpenApi()).json();
    for (const path of [
      "/api/v1/recommendations",
      "/api/v1/recommendations/{id}",
      "/api/v1/recommendations/{id}/apply",
      "/api/v1/recommendations/{id}/reject",
      "/api/v1/rules/draft",
    ])
      expect(Object.keys(document.paths), path).toContain(path);
  });
});
