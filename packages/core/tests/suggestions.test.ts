import { SUGGESTION_PROMPT_VERSION } from "@orylo/ai";
import {
  aiFeedback,
  auditLog,
  customers,
  detections,
  listItems,
  lists,
  suggestions,
  transactions,
  trustScoreEvents,
} from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { startFakePostHog } from "@orylo/testkit";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type OrgCtx, withOrganization } from "../src/context";
import { analyzeFeedback } from "../src/feedback/analyze-feedback";
import { createRule } from "../src/rules/create-rule";
import { setRuleMode, updateRule } from "../src/rules/update-rule";
import { acceptSuggestion, editSuggestion, rejectSuggestion } from "../src/suggestions/decide-suggestion";
import { listSuggestions } from "../src/suggestions/list-suggestions";
import { suggestCustomers } from "../src/suggestions/suggest-customers";
import { testAi, testAnalytics, testCtx } from "./helpers";

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T06:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

async function setup(locale = "en") {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db, { locale });
  const base = withOrganization(
    testCtx(db, () => NOW),
    organization.id,
  );
  const ctx: OrgCtx = { ...base, actor: { type: "user", userId: "user_merchant" } };
  let n = 0;
  const next = () => `${organization.id}_${++n}`;
  const customer = async (trustScore = 50) => {
    const id = `cust_${next()}`;
    await db.insert(customers).values({
      id,
      organizationId: organization.id,
      customerKey: `cus_${id}`,
      livemode: false,
      trustScore,
      firstSeenAt: daysAgo(200),
      lastSeenAt: NOW,
    });
    return { id, key: `cus_${id}` };
  };
  const payment = async (
    customerRef: string | null,
    createdAt: Date,
    patch: Partial<typeof transactions.$inferInsert> = {},
  ) => {
    const id = `txn_${next()}`;
    await db.insert(transactions).values({
      id,
      organizationId: organization.id,
      chargeId: `ch_${id}`,
      customerRef,
      livemode: false,
      createdAt,
      amount: 2000,
      currency: "eur",
      status: "succeeded",
      captured: true,
      ...patch,
    });
    return id;
  };
  const dispute = async (customerId: string, transactionId: string) =>
    db.insert(trustScoreEvents).values({
      id: `tse_${next()}`,
      organizationId: organization.id,
      customerId,
      delta: -50,
      scoreAfter: 0,
      reason: "dispute",
      transactionId,
      dedupeKey: `dispute:${transactionId}`,
    });
  /** A payment blocked with a card-testing hit from this IP, with its own card. */
  const cardTestingBlock = async (ip: string, at = daysAgo(1)) => {
    const transactionId = await payment(null, at, {
      status: "failed",
      captured: false,
      amount: 100,
      ipAddress: ip,
      cardFingerprint: `fp_${next()}`,
    });
    await db.insert(detections).values({
      id: `det_${next()}`,
      organizationId: organization.id,
      transactionId,
      source: "webhook",
      livemode: false,
      decision: "BLOCK",
      riskScore: 90,
      confidence: 0.9,
      trace: {
        contributions: [
          {
            detector: "card_testing",
            status: "hit",
            score: 90,
            reasonCode: "card_testing_enumeration",
            evidence: {},
            message: "",
          },
        ],
        ruleHits: [],
        failedDetectors: [],
      },
      features: {},
      engineVersion: "test",
      rulesetVersion: "test",
      latencyMs: 1,
    });
  };
  const listed = (name: string) =>
    db
      .select({ value: listItems.value, source: listItems.source, expiresAt: listItems.expiresAt })
      .from(listItems)
      .innerJoin(lists, eq(lists.id, listItems.listId))
      .where(and(eq(lists.organizationId, organization.id), eq(lists.name, name)));
  const pending = async () => (await listSuggestions(ctx)).data;
  return { db, organization, ctx, customer, payment, dispute, cardTestingBlock, listed, pending };
}

describe("customers.suggest", () => {
  it("suggests trusted customers to whitelist and card testers, disputers and fraudsters to blacklist, once", async () => {
    const { ctx, customer, payment, dispute, cardTestingBlock, pending } = await setup();
    const loyal = await customer(85);
    for (const days of [100, 70, 40]) await payment(loyal.id, daysAgo(days));
    const tooRecent = await customer(85);
    for (const days of [40, 20]) await payment(tooRecent.id, daysAgo(days));
    const lowTrust = await customer(80);
    for (const days of [100, 40]) await payment(lowTrust.id, daysAgo(days));
    const disputer = await customer(10);
    await dispute(disputer.id, await payment(disputer.id, daysAgo(30)));
    await dispute(disputer.id, await payment(disputer.id, daysAgo(20)));
    for (let i = 0; i < 4; i++) await cardTestingBlock("198.51.100.7");
    for (let i = 0; i < 2; i++) await cardTestingBlock("198.51.100.8");
    for (let i = 0; i < 3; i++) await cardTestingBlock("198.51.100.9", daysAgo(10));

    expect(await suggestCustomers(ctx, testAi())).toEqual({ created: 3 });
    const data = await pending();
    expect(data.map((s) => [s.kind, s.signal, s.subject, s.value]).sort()).toEqual(
      [
        ["blacklist", "card_testing", "ip_address", "198.51.100.7"],
        ["blacklist", "repeated_disputes", "customer", disputer.key],
        ["whitelist", "trusted_history", "customer", loyal.key],
      ].sort(),
    );
    const whitelist = data.find((s) => s.kind === "whitelist");
    expect(whitelist).toMatchObject({
      facts: { trust_score: 85, settled_payments: 3, history_days: 60 },
      reasoningSource: "template",
      promptVersion: SUGGESTION_PROMPT_VERSION,
      status: "pending",
    });
    expect(whitelist?.reasoning).toContain("Trust score 85 and 3 settled payments over 60 days");
    expect(whitelist?.confidence).toBeGreaterThan(0.6);
    expect(data.find((s) => s.signal === "card_testing")?.facts).toEqual({
      blocked_attempts: 4,
      distinct_cards: 4,
      window_days: 7,
    });

    expect(await suggestCustomers(ctx, testAi())).toEqual({ created: 0 });
  });

  it("writes the reasoning in the organization's language", async () => {
    const { ctx, cardTestingBlock, pending } = await setup("fr-FR");
    for (let i = 0; i < 3; i++) await cardTestingBlock("198.51.100.20");
    await suggestCustomers(ctx, testAi());
    expect((await pending())[0]?.reasoning).toMatch(/^3 paiements de cette adresse IP ont été bloqués/);
  });

  it("accept lists the value, reject needs a reason and is not suggested again, edit applies its own value and expiry", async () => {
    const { db, organization, ctx, customer, payment, dispute, cardTestingBlock, listed, pending } =
      await setup();
    const loyal = await customer(90);
    for (const days of [120, 50]) await payment(loyal.id, daysAgo(days));
    const disputer = await customer(10);
    await dispute(disputer.id, await payment(disputer.id, daysAgo(30)));
    await dispute(disputer.id, await payment(disputer.id, daysAgo(20)));
    for (let i = 0; i < 3; i++) await cardTestingBlock("198.51.100.30");
    await suggestCustomers(ctx, testAi());
    const bySignal = Object.fromEntries((await pending()).map((s) => [s.signal, s]));

    const accepted = await acceptSuggestion(ctx, bySignal.trusted_history!.id);
    expect(accepted.suggestion).toMatchObject({ status: "accepted", decidedBy: "user:user_merchant" });
    expect(accepted.listItem).toMatchObject({ value: loyal.key });
    expect(await listed("allowed_customers")).toEqual([
      { value: loyal.key, source: "suggestion", expiresAt: null },
    ]);
    const [{ trust } = { trust: 0 }] = await db
      .select({ trust: customers.trustScore })
      .from(customers)
      .where(eq(customers.id, loyal.id));
    expect(trust).toBe(90);
    await expect(acceptSuggestion(ctx, bySignal.trusted_history!.id)).rejects.toMatchObject({
      code: "conflict",
    });

    await expect(rejectSuggestion(ctx, bySignal.repeated_disputes!.id, { reason: " " })).rejects.toThrow();
    await rejectSuggestion(ctx, bySignal.repeated_disputes!.id, {
      reason: "A wholesale buyer, disputes settled",
    });

    const expiresAt = "2026-12-20T00:00:00.000Z";
    await expect(
      editSuggestion(ctx, bySignal.card_testing!.id, { value: "not an ip" }),
    ).rejects.toMatchObject({ code: "invalid_request" });
    await editSuggestion(ctx, bySignal.card_testing!.id, { value: "198.51.100.31", expiresAt });
    expect(await listed("blocked_ips")).toEqual([
      { value: "198.51.100.31", source: "suggestion", expiresAt: new Date(expiresAt) },
    ]);

    const ledger = await db.select().from(aiFeedback).where(eq(aiFeedback.organizationId, organization.id));
    expect(ledger.map((row) => [row.kind, row.action, row.reason, row.editedValue]).sort()).toEqual(
      [
        ["blacklist", "edited", null, { value: "198.51.100.31", expiresAt }],
        ["blacklist", "rejected", "A wholesale buyer, disputes settled", null],
        ["whitelist", "accepted", null, null],
      ].sort(),
    );
    expect(
      ledger.every((row) => row.promptVersion === SUGGESTION_PROMPT_VERSION && row.confidence !== null),
    ).toBe(true);
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organization.id), eq(auditLog.targetType, "suggestion")));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "suggestion.accepted",
      "suggestion.edited",
      "suggestion.rejected",
    ]);

    // Rejected within 30 days, or now on a list: nothing is suggested again.
    expect(await suggestCustomers(ctx, testAi())).toEqual({ created: 0 });
    const later = { ...ctx, now: () => new Date(NOW.getTime() + 31 * DAY) };
    await dispute(disputer.id, await payment(disputer.id, daysAgo(1)));
    const again = await suggestCustomers(later, testAi());
    expect(again.created).toBeGreaterThanOrEqual(1);
  });

  it("only touches the caller's organization's suggestions", async () => {
    const ours = await setup();
    const theirs = await setup();
    for (let i = 0; i < 3; i++) await theirs.cardTestingBlock("198.51.100.40");
    await suggestCustomers(theirs.ctx, testAi());
    const [their] = await theirs.pending();
    await expect(acceptSuggestion(ours.ctx, their!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(rejectSuggestion(ours.ctx, their!.id, { reason: "no" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await ours.pending()).toEqual([]);
    const rows = await ours.db.select().from(suggestions).where(eq(suggestions.id, their!.id));
    expect(rows[0]?.status).toBe("pending");
  });
});

describe("PostHog events", () => {
  it("tracks each answer, the customers it whitelists or blocks, and rules applied, through posthog-node", async () => {
    const posthog = await startFakePostHog();
    try {
      const { ctx: plain, customer, payment, dispute, pending } = await setup();
      const ctx = { ...plain, analytics: testAnalytics(posthog.url) };
      const loyal = await customer(90);
      for (const days of [120, 50]) await payment(loyal.id, daysAgo(days));
      const disputer = await customer(10);
      await dispute(disputer.id, await payment(disputer.id, daysAgo(30)));
      await dispute(disputer.id, await payment(disputer.id, daysAgo(20)));
      await suggestCustomers(ctx, testAi());
      const byKind = Object.fromEntries((await pending()).map((s) => [s.kind, s]));
      await acceptSuggestion(ctx, byKind.whitelist!.id);
      await editSuggestion(ctx, byKind.blacklist!.id, { expiresAt: "2027-01-01T00:00:00Z" });
      const rule = await createRule(ctx, { text: "Review if :amount_in_eur: > 900", mode: "shadow" });
      // Disabling is not applying; enabling it again as enforced is, and renaming an enabled rule is not.
      await setRuleMode(ctx, rule.id, "disabled");
      await setRuleMode(ctx, rule.id, "enforced");
      await updateRule(ctx, rule.id, { name: "Large orders" });
      await ctx.analytics.shutdown();

      const events = await posthog.waitForEvents(6);
      const applied = events.filter((e) => e.event === "rule_applied").map((e) => e.properties);
      expect(applied).toEqual([
        expect.objectContaining({ rule_id: rule.id, shadow: true }),
        expect.objectContaining({ rule_id: rule.id, shadow: false, origin: "merchant" }),
      ]);
      const seen = events.map((e) => [e.event, e.distinct_id, e.properties]);
      expect(seen).toEqual(
        expect.arrayContaining([
          [
            "ai_suggestion_action",
            ctx.organizationId,
            expect.objectContaining({ action: "accepted", kind: "whitelist" }),
          ],
          ["customer_whitelisted", ctx.organizationId, expect.objectContaining({ origin: "suggestion" })],
          [
            "ai_suggestion_action",
            ctx.organizationId,
            expect.objectContaining({ action: "modified", kind: "blacklist" }),
          ],
          ["customer_blocked", ctx.organizationId, expect.objectContaining({ origin: "suggestion" })],
          [
            "rule_applied",
            ctx.organizationId,
            expect.objectContaining({ rule_id: rule.id, shadow: true, origin: "merchant" }),
          ],
        ]),
      );
      expect(JSON.stringify(events)).not.toContain(loyal.key);
    } finally {
      await posthog.close();
    }
  });
});

describe("feedback.analyze", () => {
  it("lowers the next confidence of a kind after rejections, and raises it after acceptances", async () => {
    const { ctx, cardTestingBlock, pending } = await setup();
    for (let i = 0; i < 3; i++) await cardTestingBlock("198.51.100.50");
    await suggestCustomers(ctx, testAi());
    const [first] = await pending();
    await rejectSuggestion(ctx, first!.id, { reason: "Our office's shared IP" });
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) await cardTestingBlock(`198.51.100.${60 + round}`);
      await suggestCustomers(ctx, testAi());
      const [next] = await pending();
      await rejectSuggestion(ctx, next!.id, { reason: "Shared IP" });
    }
    expect(await analyzeFeedback(ctx)).toEqual({ kinds: 1 });
    for (let i = 0; i < 3; i++) await cardTestingBlock("198.51.100.70");
    await suggestCustomers(ctx, testAi());
    const [recalibrated] = await pending();
    expect(recalibrated!.facts).toEqual(first!.facts);
    expect(recalibrated!.confidence).toBeLessThan(first!.confidence);

    const happy = await setup();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 3; i++) await happy.cardTestingBlock(`198.51.100.${80 + round}`);
      await suggestCustomers(happy.ctx, testAi());
      const [next] = await happy.pending();
      await acceptSuggestion(happy.ctx, next!.id);
    }
    await analyzeFeedback(happy.ctx);
    for (let i = 0; i < 3; i++) await happy.cardTestingBlock("198.51.100.90");
    await suggestCustomers(happy.ctx, testAi());
    expect((await happy.pending())[0]!.confidence).toBeGreaterThan(first!.confidence);
  });
});
