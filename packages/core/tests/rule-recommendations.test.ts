import { RECOMMENDATION_PROMPT_VERSION } from "@orylo/ai";
import { aiFeedback, auditLog, ruleRecommendations, rules } from "@orylo/db";
import { type FakeLlm, startFakeLlm } from "@orylo/testkit";
import {
  chargeEvent,
  enumerationBurst,
  ordinaryShoppers,
  type SimulatedPayment,
  seededRandom,
} from "@orylo/testkit/scenarios";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { summarizeCardTesting } from "../src/incidents/summarize-card-testing";
import { labelTransaction } from "../src/labels/label-transaction";
import { applyRecommendation, rejectRecommendation } from "../src/recommendations/decide-recommendation";
import { getRecommendation, listRecommendations } from "../src/recommendations/list-recommendations";
import { INCIDENT_REASON, recommendRules } from "../src/recommendations/recommend-rules";
import { ingestionSetup, testAi, testCtx } from "./helpers";

const DAY_MS = 86_400_000;

let fake: FakeLlm;
let shops = 0;
beforeAll(async () => {
  fake = await startFakeLlm(() => ({ output: { rationale: "Cards from BR keep turning out to be fraud." } }));
});
afterAll(() => fake.close());

/** A shop whose fraud concentrates on cards from BR (cheap) and NG (where it also sells a lot, marked legitimate). */
async function shopWithPatterns() {
  const setup = await ingestionSetup();
  const ctx = {
    ...withOrganization(testCtx(setup.db), setup.organization.id),
    actor: { type: "user" as const, userId: "user_merchant" },
  };
  shops += 1;
  const random = seededRandom(Date.now() + shops);
  let n = 0;
  const pay = async (country: string, amount: number, daysAgo: number, label?: "fraud" | "legitimate") => {
    n += 1;
    const payment: SimulatedPayment = {
      at: new Date(Date.now() - daysAgo * DAY_MS - n * 60_000),
      amount,
      currency: "eur",
      card: {
        fingerprint: `fp_rec_${setup.organization.id}_${n}`,
        brand: "visa",
        funding: "credit",
        country,
        last4: "4242",
      },
      email: `shopper${n}@example.com`,
      customerId: null,
      ip: `198.51.100.${n}`,
      deviceId: null,
      billingCountry: country,
      outcome: { kind: "authorized", riskScore: 10 },
      cvcCheck: "pass",
    };
    const event = chargeEvent(random, payment);
    await setup.send(event);
    if (label) await labelTransaction(ctx, event.data.object.id, { kind: label });
    return event.data.object.id;
  };
  for (let i = 0; i < 10; i++) await pay("FR", 4_000, 20 + i);
  for (let i = 0; i < 3; i++) await pay("BR", 10_000, 30 + i, "fraud");
  for (let i = 0; i < 2; i++) await pay("BR", 10_000, 40 + i);
  for (let i = 0; i < 2; i++) await pay("NG", 5_000, 50 + i, "fraud");
  for (let i = 0; i < 2; i++) await pay("NG", 50_000, 55 + i, "legitimate");
  return { ...setup, ctx, pay };
}

describe("rules.recommend", () => {
  it("proposes a backtested rule from the fraud pattern and discards one that costs more legitimate revenue than it saves", async () => {
    const { db, organization, ctx, pay } = await shopWithPatterns();
    const run = await recommendRules(ctx, testAi());

    expect(run.discarded).toContainEqual({
      text: "Review if :card_country: = 'NG'",
      reason: "costs_more_than_it_saves",
    });
    const stored = await db
      .select()
      .from(ruleRecommendations)
      .where(eq(ruleRecommendations.organizationId, organization.id));
    expect(stored.map((row) => row.text)).toEqual(["Review if :card_country: = 'BR'"]);
    expect(run.proposed).toEqual([stored[0]?.id]);
    const [br] = (await listRecommendations(ctx, {})).data;
    expect(br).toMatchObject({
      action: "review",
      pattern: "fraud_card_country",
      evidence: { value: "BR", count: 3 },
      status: "pending",
      rationaleSource: "template",
      language: "en",
      backtest: {
        payments: 19,
        hits: 5,
        fraud: 3,
        legitimate: 0,
        fraudAmounts: { eur: 30_000 },
        legitimateAmounts: {},
        reportingCurrency: "eur",
        fraudStopped: 300,
        legitimateHit: 0,
      },
    });
    expect(br?.rationale).toContain("3 payments with cards issued in BR turned out to be fraud");
    expect(br?.rationale).toContain("300.00 EUR");

    // With an LLM, the stronger model writes the rationale from figures only: the pending row is refreshed.
    await recommendRules(ctx, testAi(fake.url));
    const call = fake.calls.at(-1);
    expect(call).toMatchObject({ api: "openai", model: "gpt-4o", schemaName: "recommendation_rationale" });
    expect(call?.user).not.toMatch(/example\.com|198\.51\.100|fp_rec_/);
    const refreshed = await getRecommendation(ctx, br?.id ?? "");
    expect(refreshed).toMatchObject({
      rationaleSource: "llm",
      rationale: "Cards from BR keep turning out to be fraud.",
      effectiveness: null,
    });

    // Applied in shadow through the rule use case, audited, then tracked on new payments against the labels.
    const applied = await applyRecommendation(ctx, br?.id ?? "", {});
    expect(applied).toMatchObject({
      status: "applied",
      appliedMode: "shadow",
      decidedBy: "user:user_merchant",
    });
    const [rule] = await db
      .select()
      .from(rules)
      .where(eq(rules.id, applied.ruleId ?? ""));
    expect(rule).toMatchObject({
      text: "Review if :card_country: = 'BR'",
      mode: "shadow",
      organizationId: organization.id,
    });
    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organization.id), eq(auditLog.targetId, br?.id ?? "")));
    expect(audits).toEqual([{ action: "recommendation.applied" }]);
    expect(
      await db
        .select()
        .from(aiFeedback)
        .where(eq(aiFeedback.proposalId, br?.id ?? "")),
    ).toMatchObject([
      {
        kind: "rule_recommendation",
        action: "accepted",
        promptVersion: RECOMMENDATION_PROMPT_VERSION,
        actor: "user:user_merchant",
      },
    ]);
    await expect(applyRecommendation(ctx, br?.id ?? "", {})).rejects.toMatchObject({ code: "conflict" });

    await pay("BR", 12_000, 0, "fraud");
    await pay("BR", 8_000, 0, "legitimate");
    await pay("FR", 8_000, 0);
    expect((await getRecommendation(ctx, br?.id ?? "")).effectiveness).toMatchObject({
      hits: 2,
      fraudCaught: 1,
      legitimateHit: 1,
    });

    // Decided texts and existing rules are not proposed again.
    const again = await recommendRules(ctx, testAi());
    expect(again.proposed).toEqual([]);
  });

  it("lists a run's proposals best first (most fraud stopped), page after page", async () => {
    const { ctx, pay } = await shopWithPatterns();
    // A second country whose fraud is smaller than BR's: proposed too, ranked after it.
    for (let i = 0; i < 2; i++) await pay("RO", 3_000, 60 + i, "fraud");
    await pay("RO", 3_000, 65);
    const run = await recommendRules(ctx, testAi());
    expect(run.proposed).toHaveLength(2);

    const list = await listRecommendations(ctx, { status: "pending" });
    expect(list.data.map((row) => [row.text, row.backtest.fraudStopped])).toEqual([
      ["Review if :card_country: = 'BR'", 300],
      ["Review if :card_country: = 'RO'", 60],
    ]);
    const first = await listRecommendations(ctx, { status: "pending", limit: 1 });
    expect(first.data.map((row) => row.text)).toEqual(["Review if :card_country: = 'BR'"]);
    const second = await listRecommendations(ctx, {
      status: "pending",
      limit: 1,
      cursor: first.nextCursor ?? "",
    });
    expect(second).toMatchObject({ data: [{ text: "Review if :card_country: = 'RO'" }], nextCursor: null });
  });

  it("rejects with a reason, once, and only in the caller's organization", async () => {
    const { db, ctx } = await shopWithPatterns();
    await recommendRules(ctx, testAi());
    const [pending] = (await listRecommendations(ctx, { status: "pending" })).data;
    const other = await ingestionSetup();
    const stranger = withOrganization(testCtx(other.db), other.organization.id);
    await expect(rejectRecommendation(stranger, pending?.id ?? "", { reason: "no" })).rejects.toMatchObject({
      code: "not_found",
    });
    const rejected = await rejectRecommendation(ctx, pending?.id ?? "", {
      reason: "We sell a lot in Brazil.",
    });
    expect(rejected).toMatchObject({ status: "rejected", rejectReason: "We sell a lot in Brazil." });
    expect(
      await db
        .select()
        .from(aiFeedback)
        .where(eq(aiFeedback.proposalId, pending?.id ?? "")),
    ).toMatchObject([
      { kind: "rule_recommendation", action: "rejected", reason: "We sell a lot in Brazil." },
    ]);
    await expect(rejectRecommendation(ctx, pending?.id ?? "", { reason: "again" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await listRecommendations(ctx, { status: "pending" })).data).toEqual([]);
    expect((await recommendRules(ctx, testAi())).proposed).toEqual([]);
  });

  it("during an attack on a young shop, proposes the rule against it: the attack's own attempts do not make it broad", async () => {
    const setup = await ingestionSetup();
    const ctx = withOrganization(testCtx(setup.db), setup.organization.id);
    const random = seededRandom(Date.now());
    const attackStart = new Date(Date.now() - 5 * 60_000);
    const before = { start: new Date(attackStart.getTime() - 6 * 3_600_000), end: attackStart };
    const shopping = ordinaryShoppers(random, { count: 40, ...before });
    const burst = enumerationBurst(random, { cards: 40, start: attackStart, seconds: 240 });
    for (const payment of [...shopping, ...burst]) await setup.send(chargeEvent(random, payment));
    const { incident } = await summarizeCardTesting(ctx);
    expect(incident).not.toBeNull();
    const velocity = "Block if :card_count_for_ip_address_hourly: >= 3";

    // Judged against every payment, the burst is most of this shop's history: too broad.
    const daily = await recommendRules(ctx, testAi(), "daily:2026-11-24");
    expect(daily.discarded).toContainEqual({ text: velocity, reason: "too_broad" });

    // Judged against the traffic before the attack, where it hits nothing: proposed.
    const answering = await recommendRules(ctx, testAi(), `${INCIDENT_REASON}${incident?.alertId}`);
    const pending = (await listRecommendations(ctx, { status: "pending" })).data;
    const proposal = pending.find((row) => row.text === velocity);
    expect(proposal).toMatchObject({ action: "block" });
    expect(answering.proposed).toContain(proposal?.id);
    expect(proposal?.backtest.hits).toBeGreaterThanOrEqual(30);

    // A reason naming another (or a closed) incident is judged as a daily run.
    const stale = await recommendRules(ctx, testAi(), `${INCIDENT_REASON}alert_elsewhere`);
    expect(stale.discarded).toContainEqual({ text: velocity, reason: "too_broad" });
  });
});
