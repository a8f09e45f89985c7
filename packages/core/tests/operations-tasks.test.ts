import { alerts, type Executor, openDatabase, stripeConnections, stripeEvents, taskOutbox } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { createCache, createMailer, createMemoryCache } from "@orylo/platform";
import {
  asFreshEvent,
  freePort,
  loadStripeFixture,
  startFakeSmtpServer,
  startStalledHttpServer,
} from "@orylo/testkit";
import { and, eq, isNull, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  countSignatureFailure,
  SIGNATURE_FAILURE_THRESHOLD,
} from "../src/operations/count-signature-failure";
import { runHealthCheck } from "../src/operations/run-health-check";
import { sendDailyReports } from "../src/operations/send-daily-report";
import { watchWebhooks } from "../src/operations/watch-webhooks";
import { ingestionSetup, testCtx } from "./helpers";

const HOUR_MS = 60 * 60 * 1000;
let db: Executor;
beforeAll(async () => {
  db = (await getTestDatabase()).db;
});

const alertsOf = (organizationId: string, kind: string) =>
  db
    .select()
    .from(alerts)
    .where(and(eq(alerts.organizationId, organizationId), eq(alerts.kind, kind)));

/** A connected organization that received one event an hour for a week, the last `silentHours` ago. */
async function connectedWithTraffic(silentHours: number, events = 168) {
  const organization = await createTestOrganization(db, {
    stripeAccountId: `acct_w${crypto.randomUUID().slice(0, 10)}`,
  });
  const last = Date.now() - silentHours * HOUR_MS;
  await db.insert(stripeEvents).values(
    Array.from({ length: events }, (_, index) => ({
      id: `evt_watch_${organization.id}_${index}`,
      organizationId: organization.id,
      type: "charge.succeeded",
      livemode: false,
      stripeCreatedAt: new Date(last - index * HOUR_MS),
      receivedAt: new Date(last - index * HOUR_MS),
      status: "processed" as const,
    })),
  );
  return organization;
}

describe("webhooks.watch", () => {
  it("alerts once per incident for a connected organization silent far beyond its usual rate", async () => {
    const silent = await connectedWithTraffic(11);
    const usual = await connectedWithTraffic(5);
    const quiet = await connectedWithTraffic(30, 10);
    const disconnected = await connectedWithTraffic(48);
    await db.insert(stripeConnections).values({
      organizationId: disconnected.id,
      method: "oauth",
      livemode: false,
      connectedAt: new Date(Date.now() - 30 * 24 * HOUR_MS),
      disconnectedAt: new Date(Date.now() - 48 * HOUR_MS),
    });

    const first = await watchWebhooks(testCtx(db));
    expect(first.silent).toContain(silent.id);
    for (const organization of [usual, quiet, disconnected])
      expect(first.silent).not.toContain(organization.id);
    await watchWebhooks(testCtx(db));
    const raised = await alertsOf(silent.id, "webhooks.silence");
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ count: 2, severity: "warning" });
    expect(raised[0]?.title).toBe("No Stripe events for 11 h");
    expect(await alertsOf(usual.id, "webhooks.silence")).toEqual([]);
  });
});

describe("signature-failure alerts", () => {
  it("raises one alert when an endpoint's bad signatures reach the threshold, counting later bursts on it", async () => {
    const organization = await createTestOrganization(db);
    const cache = createMemoryCache();
    let now = new Date("2026-11-24T10:00:00Z");
    const ctx = testCtx(db, () => now);
    const failure = { endpoint: `we_${crypto.randomUUID().slice(0, 8)}`, organizationId: organization.id };
    const results = [];
    for (let i = 0; i < SIGNATURE_FAILURE_THRESHOLD * 2; i++)
      results.push(await countSignatureFailure(ctx, cache, failure));
    expect(results.filter((result) => result.alerted)).toHaveLength(1);
    expect(results.findIndex((result) => result.alerted)).toBe(SIGNATURE_FAILURE_THRESHOLD - 1);

    now = new Date("2026-11-24T10:20:00Z");
    for (let i = 0; i < SIGNATURE_FAILURE_THRESHOLD; i++) await countSignatureFailure(ctx, cache, failure);
    const raised = await alertsOf(organization.id, "webhooks.signature_failures");
    expect(raised).toHaveLength(1);
    expect(raised[0]?.count).toBe(2);
  });

  it("gives up on a cache that does not answer within 300 ms, so the 400 path is never held", async () => {
    const stalled = await startStalledHttpServer();
    try {
      const cache = createCache({ upstash: { url: stalled.url, token: "t" } });
      const startedAt = performance.now();
      const result = await countSignatureFailure(testCtx(db), cache, {
        endpoint: "shared",
        organizationId: null,
      });
      expect(result).toEqual({ count: 0, alerted: false });
      expect(performance.now() - startedAt).toBeLessThan(1_000);
    } finally {
      await stalled.close();
    }
  });

  it("makes the shared endpoint's burst an operator alert", async () => {
    const endpoint = `shared_${crypto.randomUUID().slice(0, 8)}`;
    const cache = createMemoryCache();
    for (let i = 0; i < SIGNATURE_FAILURE_THRESHOLD; i++)
      await countSignatureFailure(testCtx(db), cache, { endpoint, organizationId: null });
    const raised = await db
      .select()
      .from(alerts)
      .where(and(isNull(alerts.organizationId), like(alerts.dedupeKey, `%${endpoint}`)));
    expect(raised).toHaveLength(1);
  });
});

describe("health.check", () => {
  it("reports a healthy database, and alerts the operators about tasks overdue by more than 15 minutes", async () => {
    await db.insert(taskOutbox).values({
      taskId: "alerts.send",
      payload: { alertId: "alert_stuck" },
      runAfter: new Date(Date.now() - HOUR_MS),
      dedupeKey: `stuck:${crypto.randomUUID()}`,
    });
    const report = await runHealthCheck(testCtx(db), undefined);
    expect(report.database).toBe("ok");
    expect(report.stuckTasks).toBeGreaterThanOrEqual(1);
    const [backlog] = await db
      .select()
      .from(alerts)
      .where(and(isNull(alerts.organizationId), eq(alerts.kind, "tasks.backlog"), isNull(alerts.resolvedAt)));
    expect(backlog?.severity).toBe("critical");
  });

  it("emails the operators directly and fails when the database refuses connections", async () => {
    const smtp = await startFakeSmtpServer();
    const unreachable = await openDatabase({
      driver: "pg",
      url: `postgres://orylo@127.0.0.1:${await freePort()}/orylo`,
    });
    const mailer = createMailer({
      email: { smtpUrl: smtp.url, from: null, operatorRecipients: ["oncall@orylo.test"] },
      publicUrl: "http://localhost:3000",
    });
    if (!mailer) throw new Error("mailer expected");
    try {
      await expect(
        runHealthCheck(testCtx(unreachable.db), { mailer, operatorRecipients: ["oncall@orylo.test"] }),
      ).rejects.toThrow(/database is unavailable/);
      const [mail] = await smtp.waitForMessages(1);
      expect(mail).toMatchObject({
        to: ["oncall@orylo.test"],
        subject: "[Orylo critical] Database unavailable",
      });
    } finally {
      mailer.close();
      await unreachable.close();
      await smtp.close();
    }
  });
});

describe("reports.daily", () => {
  it("sends yesterday's numbers once, at 09:00 in each organization's own time zone", async () => {
    const { organization, send } = await ingestionSetup();
    const charge = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    await send(charge);
    const tokyo = await createTestOrganization(db, { timeZone: "Asia/Tokyo" });
    const tomorrow = new Date(Date.now() + 24 * HOUR_MS);
    const nineUtc = new Date(`${tomorrow.toISOString().slice(0, 10)}T09:30:00Z`);

    const { sent } = await sendDailyReports(testCtx(db, () => nineUtc));
    expect(sent).toContain(organization.id);
    expect(sent).not.toContain(tokyo.id);
    const [report] = await alertsOf(organization.id, "reports.daily");
    expect(report?.severity).toBe("info");
    expect(report?.body).toContain("1 payments scored");
    expect((await sendDailyReports(testCtx(db, () => nineUtc))).sent).not.toContain(organization.id);
    expect(await alertsOf(organization.id, "reports.daily")).toHaveLength(1);
  });
});
