import { backtestRuleSet, withOrganization } from "@orylo/core";
import { asFreshEvent, freshStripeId, loadStripeFixture } from "@orylo/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as backtestRoute } from "@/app/api/v1/rules/backtest/route";
import { POST as createRule } from "@/app/api/v1/rules/route";
import { POST as labelRoute } from "@/app/api/v1/transactions/[id]/label/route";
import type { Runtime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant, type TestMerchant } from "./test-merchant";
import { bootTestRuntime, CONNECT_SECRET } from "./web-test-runtime";

const DAY_MS = 86_400_000;
let runtime: Runtime;
beforeAll(async () => {
  runtime = await bootTestRuntime();
});

type Shop = TestMerchant;
const newShop = (): Promise<Shop> => createTestMerchant(runtime.database.db);

/** A succeeded charge made `daysAgo` days ago, through the webhook; returns its charge id. */
async function charge(shop: Shop, daysAgo: number, email: string, amount = 5_000): Promise<string> {
  const created = Math.floor((Date.now() - daysAgo * DAY_MS) / 1000);
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
    account: shop.account,
    created,
  });
  const object = event.data.object as Record<string, unknown> & {
    payment_method_details: { card: Record<string, unknown> };
  };
  const id = freshStripeId("ch");
  Object.assign(object, {
    id,
    created,
    amount,
    currency: "eur",
    payment_intent: null,
    customer: null,
    receipt_email: email,
    metadata: {},
  });
  object.payment_method_details.card.fingerprint = `fp_${crypto.randomUUID().slice(0, 12)}`;
  const { status, body } = await sendWebhook(event, { secret: CONNECT_SECRET });
  expect(status, JSON.stringify(body)).toBe(200);
  return id;
}

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function post(
  handler: Handler,
  shop: Shop,
  path: string,
  body: unknown,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${shop.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params as never) });
  return { status: response.status, body: await response.json() };
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe("POST /api/v1/rules/backtest", () => {
  it("counts decisions, catches the labelled fraud, and leaves young payments out of accuracy", async () => {
    const shop = await newShop();
    const fraud = await charge(shop, 150, "thief@example.com", 40_000);
    await charge(shop, 140, "alice@example.com");
    await charge(shop, 110, "bob@example.com");
    await charge(shop, 200, "outside@example.com"); // before `from`: warms nothing countable
    const labelled = await post(
      labelRoute,
      shop,
      `/api/v1/transactions/${fraud}/label`,
      { kind: "fraud" },
      {
        id: fraud,
      },
    );
    expect(labelled.status).toBe(200);

    const { status, body } = await post(backtestRoute, shop, "/api/v1/rules/backtest", {
      rules: ["Block if :email: = 'thief@example.com'"],
      from: daysAgo(180),
      to: daysAgo(100),
    });

    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.payments).toBe(3);
    expect(body.candidate.decisions.BLOCK).toEqual({ count: 1, amounts: { eur: 40_000 } });
    expect(body.candidate.decisions.ALLOW.count).toBe(2);
    expect(body.candidate.accuracy).toMatchObject({
      fraud: 1,
      legitimate: 1,
      fraudBlocked: 1,
      legitimateBlocked: 0,
      precision: 1,
      recall: 1,
      excludedTooYoung: 1,
    });
    expect(body.rules).toEqual([
      expect.objectContaining({
        ruleId: "rule_1",
        text: "Block if :email: = 'thief@example.com'",
        hits: 1,
        fraud: 1,
        legitimate: 0,
      }),
    ]);
    expect(body.examples.fraudCaught).toEqual([
      expect.objectContaining({
        chargeId: fraud,
        decision: "BLOCK",
        verdict: "fraud",
        why: "rule:rule_1 (block)",
      }),
    ]);
    expect(body.caveats.join(" ")).toContain("all_time");
  });

  it("answers 400 with each error's rule, line and column when a rule does not compile", async () => {
    const shop = await newShop();
    const { status, body } = await post(backtestRoute, shop, "/api/v1/rules/backtest", {
      rules: ["Block if :amount_in_eur: > 10", "Block if :card_contry: = 'FR'"],
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_rule");
    expect(body.error.details.errors[0]).toMatchObject({ rule: 1, line: 1, suggestion: "card_country" });
  });

  it.each([
    { name: "a range over 90 days", input: { rules: ["Block if :amount_in_eur: > 1"], from: daysAgo(120) } },
    {
      name: "both rules and ruleIds",
      input: { rules: ["Block if :amount_in_eur: > 1"], ruleIds: ["rule_x"] },
    },
    { name: "neither", input: {} },
  ])("answers 400 for $name", async ({ input }) => {
    const shop = await newShop();
    const { status, body } = await post(backtestRoute, shop, "/api/v1/rules/backtest", input);
    expect(status, JSON.stringify(body)).toBe(400);
  });

  it("backtests saved rules by id, as if enforced, with the live rule set as baseline", async () => {
    const shop = await newShop();
    await charge(shop, 20, "big@example.com", 90_000);
    await charge(shop, 10, "small@example.com", 1_000);
    const saved = await post(createRule, shop, "/api/v1/rules", {
      text: "Review if :amount_in_eur: > 500",
      mode: "shadow",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const { status, body } = await post(backtestRoute, shop, "/api/v1/rules/backtest", {
      ruleIds: [saved.body.id],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.payments).toBe(2);
    expect(body.candidate.decisions.REVIEW.count).toBe(1);
    expect(body.candidate.accuracy).toMatchObject({
      fraud: 0,
      legitimate: 0,
      excludedTooYoung: 2,
      precision: null,
      recall: null,
    });
    expect(body.rules[0]).toMatchObject({ ruleId: saved.body.id, hits: 1, tooYoung: 1 });
    // The live rule set (the same rule, in shadow) never reviews.
    expect(body.baseline.decisions.REVIEW.count).toBe(0);
    expect(body.baseline.changedDecisions).toBe(1);
  });

  it("answers 404 for a rule id of another organization, and 400 beyond the row cap", async () => {
    const shop = await newShop();
    const missing = await post(backtestRoute, shop, "/api/v1/rules/backtest", { ruleIds: ["rule_nope"] });
    expect(missing.status).toBe(404);
    await charge(shop, 3, "a@example.com");
    await charge(shop, 2, "b@example.com");
    const ctx = withOrganization(
      {
        db: runtime.database.db,
        actor: { type: "system", task: "test" },
        requestId: "test",
        logger: runtime.logger,
        now: () => new Date(),
        analytics: runtime.analytics,
      },
      shop.id,
    );
    const rules = ["Block if :amount_in_eur: > 1"];
    await expect(backtestRuleSet(ctx, { rules }, { maxRows: 1 })).rejects.toMatchObject({
      code: "invalid_request",
      details: { maxRows: 1 },
    });
    await expect(backtestRuleSet(ctx, { rules }, { maxRows: 2 })).resolves.toMatchObject({ payments: 2 });
  });

  it("is in the OpenAPI document", async () => {
    const response = await getOpenApi();
    const document = await response.json();
    expect(document.paths["/api/v1/rules/backtest"].post).toBeDefined();
  });
});
