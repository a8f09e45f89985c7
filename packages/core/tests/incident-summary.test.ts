import { alerts, detections, incidentSummaries, taskOutbox, transactions } from "@orylo/db";
import { getTestDatabase } from "@orylo/db/testing";
import { chargeEvent, enumerationBurst, seededRandom } from "@orylo/testkit/scenarios";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listAlertsPage } from "../src/alerts/list-alerts";
import { withOrganization } from "../src/context";
import { incidentSummariesForAlerts } from "../src/incidents/incident-summaries-for-alerts";
import { compileRuleText } from "../src/rules/compile-rule-text";
import {
  ALERTS_SEND_TASK,
  CUSTOMERS_SUGGEST_TASK,
  INCIDENTS_SUMMARIZE_TASK,
  incidentsSummarizeTask,
  RULES_RECOMMEND_TASK,
  type TaskDeps,
} from "../src/tasks";
import { ingestionSetup, testAi, testAnalytics, testCtx, testStripeAccess } from "./helpers";

async function deps(): Promise<TaskDeps> {
  const { db } = await getTestDatabase();
  return {
    db,
    logger: testCtx(db).logger,
    stripe: testStripeAccess(),
    ai: testAi(),
    analytics: testAnalytics(),
  };
}

/** Runs every `incidents.summarize` the webhook path queued for the organization, as the hosts would. */
async function runQueuedSummaries(organizationId: string) {
  const { db } = await getTestDatabase();
  const queued = await db
    .select()
    .from(taskOutbox)
    .where(
      and(eq(taskOutbox.organizationId, organizationId), eq(taskOutbox.taskId, INCIDENTS_SUMMARIZE_TASK)),
    );
  for (const row of queued)
    await incidentsSummarizeTask.run(await deps(), incidentsSummarizeTask.payload.parse(row.payload));
  return queued;
}

describe("card-testing incident summary", () => {
  it("a burst of 40 cards yields exactly one alert and one summary with the right counts", async () => {
    const { db, organization, send } = await ingestionSetup();
    const random = seededRandom(40);
    const start = new Date(Date.now() - 4 * 60_000);
    for (const payment of enumerationBurst(random, { cards: 40, start, seconds: 240 }))
      await send(chargeEvent(random, payment));

    const queued = await runQueuedSummaries(organization.id);
    // Queued once a minute per organization, not once per blocked payment.
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(queued.length).toBeLessThanOrEqual(2);
    await incidentsSummarizeTask.run(await deps(), { organizationId: organization.id });

    const blocked = await db
      .select({ amount: transactions.amount, paidAt: transactions.createdAt })
      .from(detections)
      .innerJoin(transactions, eq(transactions.id, detections.transactionId))
      .where(and(eq(detections.organizationId, organization.id), eq(detections.decision, "BLOCK")))
      .orderBy(transactions.createdAt);
    expect(blocked.length).toBeGreaterThanOrEqual(30);

    const raised = await db.select().from(alerts).where(eq(alerts.organizationId, organization.id));
    expect(raised).toHaveLength(1);
    const summaries = await db
      .select()
      .from(incidentSummaries)
      .where(eq(incidentSummaries.organizationId, organization.id));
    expect(summaries).toHaveLength(1);
    const [alert] = raised;
    const [summary] = summaries;
    expect(alert).toMatchObject({ kind: "card_testing.burst", severity: "critical" });
    expect(summary).toMatchObject({
      alertId: alert?.id,
      kind: "card_testing",
      attempts: 40,
      blocked: blocked.length,
      distinctCards: blocked.length,
      amountBlocked: { eur: blocked.reduce((total, row) => total + row.amount, 0) },
      startedAt: blocked[0]?.paidAt,
      lastSeenAt: blocked.at(-1)?.paidAt,
      language: "en",
      suggestedRule: "Block if :card_count_for_ip_address_10m: >= 3",
    });
    expect(compileRuleText(summary?.suggestedRule ?? "").ok).toBe(true);
    const hoursToExpiry = ((summary?.suggestedRuleExpiresAt.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hoursToExpiry).toBeGreaterThan(23);
    expect(hoursToExpiry).toBeLessThanOrEqual(24);
    expect(summary?.text).toContain(
      `${blocked.length} of 40 attempts blocked (${blocked.length} different cards)`,
    );
    // The first summary is the alert's email body; exactly one delivery was queued for the incident.
    expect(alert?.body).toContain("Card-testing attack in progress since");
    const deliveries = await db
      .select()
      .from(taskOutbox)
      .where(and(eq(taskOutbox.organizationId, organization.id), eq(taskOutbox.taskId, ALERTS_SEND_TASK)));
    expect(deliveries).toHaveLength(1);
    // The new incident asks at once for rules against it and for its sources to blacklist.
    const queuedFor = async (taskId: string) =>
      (
        await db
          .select({ payload: taskOutbox.payload })
          .from(taskOutbox)
          .where(and(eq(taskOutbox.organizationId, organization.id), eq(taskOutbox.taskId, taskId)))
      ).map((row) => row.payload);
    expect(await queuedFor(RULES_RECOMMEND_TASK)).toEqual([
      { organizationId: organization.id, reason: `incident:${alert?.id}` },
    ]);
    expect(await queuedFor(CUSTOMERS_SUGGEST_TASK)).toEqual([
      { organizationId: organization.id, kinds: ["blacklist"] },
    ]);

    // What an alerts list attaches: this organization sees the summary, another one nothing.
    const mine = await incidentSummariesForAlerts(withOrganization(testCtx(db), organization.id), [
      alert?.id ?? "",
    ]);
    expect(mine.get(alert?.id ?? "")).toMatchObject({ blocked: blocked.length, attempts: 40 });
    const { organization: other } = await ingestionSetup();
    const theirs = await incidentSummariesForAlerts(withOrganization(testCtx(db), other.id), [
      alert?.id ?? "",
    ]);
    expect(theirs.size).toBe(0);
    const listed = await listAlertsPage(withOrganization(testCtx(db), organization.id), { limit: 25 });
    expect(listed.data).toEqual([
      expect.objectContaining({ id: alert?.id, summary: expect.objectContaining({ attempts: 40 }) }),
    ]);
  });

  it("stays quiet below the burst threshold: no alert, no summary", async () => {
    const { db, organization, send } = await ingestionSetup();
    const random = seededRandom(5);
    const start = new Date(Date.now() - 60_000);
    for (const payment of enumerationBurst(random, { cards: 8, start, seconds: 50 }))
      await send(chargeEvent(random, payment));
    await incidentsSummarizeTask.run(await deps(), { organizationId: organization.id });
    expect(await db.select().from(alerts).where(eq(alerts.organizationId, organization.id))).toEqual([]);
    expect(
      await db.select().from(incidentSummaries).where(eq(incidentSummaries.organizationId, organization.id)),
    ).toEqual([]);
  });
});
