import { aiUsage, alerts, detectionExplanations, organization as organizationTable } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { RetryLaterError } from "@orylo/platform";
import {
  asFreshEvent,
  type FakeLlm,
  loadStripeFixture,
  startFakeLlm,
  startFakePostHog,
} from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { explainDetection } from "../src/explanations/explain-detection";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { platformDelivery, testAi, testAnalytics, testCtx } from "./helpers";

type Db = Awaited<ReturnType<typeof getTestDatabase>>["db"];

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.calls.length = 0;
});

async function scoreCharge(db: Db, organizationId: string, object: Record<string, unknown> = {}) {
  const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), { object });
  const receipt = await receiveStripeWebhook(testCtx(db), await platformDelivery(event, organizationId));
  return receipt.detection!.id;
}

async function explanationOf(db: Db, detectionId: string) {
  const [row] = await db
    .select()
    .from(detectionExplanations)
    .where(eq(detectionExplanations.detectionId, detectionId));
  return row;
}

const ledger = (db: Db, organizationId: string) =>
  db.select().from(aiUsage).where(eq(aiUsage.organizationId, organizationId)).orderBy(aiUsage.createdAt);

const draft = {
  summary: "Paiement de {amount} accepté (score {risk_score}).",
  factors: [{ signal: "stolen_card_network", evidence: "Carte signalée par un réseau." }],
};

describe("LLM explanations", () => {
  it("renders each payment's own amount from one cached structure, per organization", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { locale: "fr" });
    const other = await createTestOrganization(db, { locale: "fr" });
    fake.respond = () => ({ output: draft });
    const ai = testAi(fake.url);
    const first = await scoreCharge(db, organization.id, { amount: 4200, currency: "eur" });
    const second = await scoreCharge(db, organization.id, { amount: 4700, currency: "eur" });
    const theirs = await scoreCharge(db, other.id, { amount: 4200, currency: "eur" });
    const ctx = testCtx(db);
    for (const [detectionId, organizationId] of [
      [first, organization.id],
      [second, organization.id],
      [theirs, other.id],
    ] as const)
      expect(await explainDetection(ctx, { detectionId, organizationId }, ai)).toBe("ready");

    const summaries = await Promise.all(
      [first, second].map(async (id) => (await explanationOf(db, id))?.explanation),
    );
    expect(summaries.map((e) => String(e?.summary).replaceAll("\u00a0", " "))).toEqual([
      expect.stringMatching(/^Paiement de 42,00 EUR accepté \(score \d+\)\.$/),
      expect.stringMatching(/^Paiement de 47,00 EUR accepté \(score \d+\)\.$/),
    ]);
    // The factor citing a signal absent from the trace was dropped.
    expect(summaries[0]).toMatchObject({ source: "llm", factors: [], language: "fr" });
    // One call for the first organization (the second payment hit its cache), one for the other organization.
    expect(fake.calls).toHaveLength(2);
    expect(
      (await ledger(db, organization.id)).map((r) => [r.provider, r.cacheHit, r.costMicros > 0]),
    ).toEqual([
      ["openai", false, true],
      ["cache", true, false],
    ]);
  });

  it("falls back to templates, marked as such, when every provider fails, and records the failures", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { locale: "en" });
    fake.respond = (call) =>
      call.api === "openai" ? { raw: "not json" } : { status: 529, message: "Overloaded" };
    const detectionId = await scoreCharge(db, organization.id);
    const outcome = await explainDetection(
      testCtx(db),
      { detectionId, organizationId: organization.id },
      testAi(fake.url, ["openai", "anthropic"]),
    );
    expect(outcome).toBe("fallback");
    expect(await explanationOf(db, detectionId)).toMatchObject({
      status: "fallback",
      source: "template",
      explanation: { source: "template", language: "en" },
    });
    expect((await ledger(db, organization.id)).map((r) => [r.provider, r.outcome, r.costMicros])).toEqual([
      ["openai", "error", 0],
      ["anthropic", "error", 0],
      ["templates", "ok", 0],
    ]);
  });

  it("uses templates without calling a provider once the month's budget is spent", async () => {
    const { db } = await getTestDatabase();
    const organization = await organizationWithSpend(db, 1_000_000);
    fake.respond = () => ({ output: draft });
    const detectionId = await scoreCharge(db, organization.id);
    expect(
      await explainDetection(testCtx(db), { detectionId, organizationId: organization.id }, testAi(fake.url)),
    ).toBe("fallback");
    expect(fake.calls).toHaveLength(0);
  });

  it("raises one budget alert at 75 % and keeps explaining with the LLM until 100 %", async () => {
    const { db } = await getTestDatabase();
    const organization = await organizationWithSpend(db, 800_000);
    fake.respond = () => ({ output: draft });
    const ai = testAi(fake.url);
    for (const amount of [1000, 9000]) {
      const detectionId = await scoreCharge(db, organization.id, { amount });
      expect(await explainDetection(testCtx(db), { detectionId, organizationId: organization.id }, ai)).toBe(
        "ready",
      );
    }
    const raised = await db.select().from(alerts).where(eq(alerts.organizationId, organization.id));
    expect(raised).toMatchObject([{ kind: "ai.budget", severity: "warning", count: 2 }]);
    expect(raised[0]?.title).toContain("80 %");
  });

  it("postpones explanations over the organization's rate limit instead of dropping them", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db);
    fake.respond = () => ({ status: 500 });
    const ai = testAi(fake.url);
    const explain = async () => {
      const detectionId = await scoreCharge(db, organization.id);
      return explainDetection(testCtx(db), { detectionId, organizationId: organization.id }, ai);
    };
    for (let i = 0; i < 10; i++) expect(await explain()).toBe("fallback");
    const error = await explain().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryLaterError);
    expect((error as RetryLaterError).at.getTime()).toBeGreaterThan(Date.now());
  });

  it("tracks ai_explanation_generated in PostHog (real posthog-node), and nothing without POSTHOG_KEY", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db);
    const posthog = await startFakePostHog();
    try {
      fake.respond = () => ({ output: draft });
      const ai = testAi(fake.url);
      const analytics = testAnalytics(posthog.url);
      const detectionId = await scoreCharge(db, organization.id);
      await explainDetection(
        testCtx(db, undefined, analytics),
        { detectionId, organizationId: organization.id },
        ai,
      );
      await analytics.shutdown();
      const [event] = await posthog.waitForEvents(1);
      expect(event).toMatchObject({
        event: "ai_explanation_generated",
        distinct_id: organization.id,
        properties: {
          status: "ready",
          source: "llm",
          provider: "openai",
          model: "gpt-4o-mini",
          cache_hit: false,
        },
      });
      expect(event?.properties.input_tokens).toBeGreaterThan(0);
      expect(event?.properties.latency_ms).toEqual(expect.any(Number));
      // Without POSTHOG_KEY (the default context), the next explanation sends nothing.
      const unsent = await scoreCharge(db, organization.id);
      const off = testCtx(db);
      await explainDetection(off, { detectionId: unsent, organizationId: organization.id }, ai);
      await off.analytics.shutdown();
      expect(posthog.events).toHaveLength(1);
    } finally {
      await posthog.close();
    }
  });

  it("never puts personal data into a prompt", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { locale: "fr" });
    const personal = {
      email: "zelie.quintavalle@privacy-test.example",
      name: "Zélie Quintavalle",
      phone: "+33 6 12 34 56 78",
      line1: "17 rue des Capucines Secretes",
      city: "Montbrison-Privé",
      postal: "42999",
      ip: "203.0.113.177",
      device: "device-zq-5521",
      agent: "ZelieBrowser/9.9",
      note: "order for Zélie's birthday",
    };
    const address = {
      line1: personal.line1,
      line2: null,
      city: personal.city,
      postal_code: personal.postal,
      state: null,
      country: "FR",
    };
    fake.respond = (call) => ({
      output: {
        summary: "Paiement évalué.",
        factors: [...call.user.matchAll(/"signal":"([a-z_]+)"/g)].map((m) => ({
          signal: m[1],
          evidence: "Vu.",
        })),
      },
    });
    const ai = testAi(fake.url);
    // A burst of declined attempts with different cards from one IP: the engine's card-testing detector hits.
    for (let i = 0; i < 6; i++) {
      const detectionId = await scoreCharge(db, organization.id, {
        amount: 100,
        currency: "eur",
        status: "failed",
        paid: false,
        captured: false,
        failure_code: "card_declined",
        outcome: {
          type: "issuer_declined",
          network_status: "declined_by_network",
          risk_level: "normal",
          reason: "generic_decline",
          seller_message: "declined",
        },
        receipt_email: personal.email,
        description: personal.note,
        billing_details: { email: personal.email, name: personal.name, phone: personal.phone, address },
        shipping: {
          name: personal.name,
          phone: personal.phone,
          address,
          carrier: null,
          tracking_number: null,
        },
        metadata: {
          ip: personal.ip,
          device_id: personal.device,
          user_agent: personal.agent,
          customer_name: personal.name,
        },
        payment_method_details: {
          type: "card",
          card: {
            brand: "visa",
            country: "FR",
            funding: "credit",
            last4: "4242",
            exp_month: 1,
            exp_year: 2030,
            fingerprint: `fpPrivacy${i}`,
            checks: {},
            wallet: null,
            three_d_secure: null,
          },
        },
      });
      await explainDetection(testCtx(db), { detectionId, organizationId: organization.id }, ai);
    }
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(fake.calls.some((call) => call.user.includes("card_testing"))).toBe(true);
    const prompts = fake.calls
      .map((call) => JSON.stringify(call.body))
      .join("\n")
      .toLowerCase();
    for (const value of [...Object.values(personal), "4242", "zélie", "quintavalle", "capucines", "113.177"])
      expect(prompts).not.toContain(value.toLowerCase());
  });
});

/** An organization with a 1 USD monthly AI budget of which `spentMicros` is already in the ledger. */
async function organizationWithSpend(db: Db, spentMicros: number) {
  const organization = await createTestOrganization(db);
  await db
    .update(organizationTable)
    .set({ settings: { ai: { monthlyBudgetUsd: 1 } } })
    .where(eq(organizationTable.id, organization.id));
  await db.insert(aiUsage).values({
    organizationId: organization.id,
    feature: "explanation",
    provider: "openai",
    model: "gpt-4o-mini",
    promptVersion: "explain-v1",
    costMicros: spentMicros,
    outcome: "ok",
  });
  return organization;
}
