import { alerts, member, taskOutbox, user } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { createMailer } from "@orylo/platform";
import { type FakeSmtpServer, startFakeSmtpServer } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALERT_QUIET_PERIOD_MS, raiseAlert } from "../src/alerts/raise-alert";
import { withOrganization } from "../src/context";
import { ALERTS_SEND_TASK, alertsSendTask, type TaskDeps } from "../src/tasks";
import { testAi, testAnalytics, testCtx, testStripeAccess } from "./helpers";

let smtp: FakeSmtpServer;
beforeAll(async () => {
  smtp = await startFakeSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const input = (dedupeKey: string) => ({
  kind: "webhooks.silence",
  severity: "warning" as const,
  dedupeKey,
  title: "No Stripe events for 6 hours",
  body: "Your connected account has sent nothing since 04:00 UTC.",
});

async function merchantWithOwner() {
  const { db } = await getTestDatabase();
  const org = await createTestOrganization(db);
  const suffix = org.id.slice(-8);
  for (const [role, email] of [
    ["owner", `owner-${suffix}@shop.test`],
    ["member", `staff-${suffix}@shop.test`],
  ] as const) {
    const userId = `user_${role}_${org.id}`;
    await db.insert(user).values({ id: userId, name: role, email });
    await db.insert(member).values({ id: `mem_${role}_${org.id}`, organizationId: org.id, userId, role });
  }
  return { org, ownerEmail: `owner-${suffix}@shop.test` };
}

/** Runs `alerts.send` as both hosts do: through its descriptor, with the payload `raiseAlert` queued. */
/** Runs `alerts.send` for one alert, over the local SMTP server when `email` is given, else stored only. */
async function sendAlert(
  db: TaskDeps["db"],
  alertId: string,
  email?: { from: string | null; operatorRecipients: string[]; publicUrl: string },
) {
  const mailer = email
    ? createMailer({
        email: { smtpUrl: smtp.url, from: email.from, operatorRecipients: email.operatorRecipients },
        publicUrl: email.publicUrl,
      })
    : null;
  if (email && !mailer) throw new Error("mailer expected");
  const deps: TaskDeps = {
    db,
    logger: testCtx(db).logger,
    stripe: testStripeAccess(),
    ai: testAi(),
    analytics: testAnalytics(),
    ...(mailer ? { alertEmail: { mailer, operatorRecipients: email?.operatorRecipients ?? [] } } : {}),
  };
  try {
    await alertsSendTask.run(deps, alertsSendTask.payload.parse({ alertId }));
  } finally {
    mailer?.close();
  }
}

describe("raiseAlert", () => {
  it("opens one alert per incident, counts repeats and queues one delivery", async () => {
    const { db } = await getTestDatabase();
    const { org } = await merchantWithOwner();
    const ctx = withOrganization(testCtx(db), org.id);
    const first = await raiseAlert(ctx, input("silence:acct_1"));
    const second = await raiseAlert(ctx, input("silence:acct_1"));
    const other = await raiseAlert(ctx, input("silence:acct_2"));
    expect(first).toMatchObject({ opened: true, count: 1 });
    expect(second).toEqual({ id: first.id, opened: false, count: 2 });
    expect(other.id).not.toBe(first.id);

    const queued = await db.select().from(taskOutbox).where(eq(taskOutbox.organizationId, org.id));
    expect(queued.map((t) => [t.taskId, t.payload])).toEqual([
      [ALERTS_SEND_TASK, { alertId: first.id }],
      [ALERTS_SEND_TASK, { alertId: other.id }],
    ]);
    const [stored] = await db.select().from(alerts).where(eq(alerts.id, first.id));
    expect(stored).toMatchObject({ dedupeKey: `${org.id}:silence:acct_1`, count: 2, delivery: "pending" });
  });

  it("opens a new incident once the last one has been quiet for a day", async () => {
    const { db } = await getTestDatabase();
    const { org } = await merchantWithOwner();
    let now = new Date("2026-11-01T00:00:00Z");
    const ctx = withOrganization(
      testCtx(db, () => now),
      org.id,
    );
    const first = await raiseAlert(ctx, input("dead-events"));
    now = new Date(now.getTime() + ALERT_QUIET_PERIOD_MS + 1);
    const next = await raiseAlert(ctx, input("dead-events"));
    expect(next).toMatchObject({ opened: true, count: 1 });
    const [old] = await db.select().from(alerts).where(eq(alerts.id, first.id));
    expect(old?.resolvedAt).toEqual(now);
  });

  it("refuses a malformed alert", async () => {
    const { db } = await getTestDatabase();
    await expect(raiseAlert(testCtx(db), { ...input("x"), kind: "Not A Kind" })).rejects.toThrow();
  });
});

describe("alerts.send", () => {
  it("emails a merchant's alert to its owners and admins over SMTP", async () => {
    const { db } = await getTestDatabase();
    const { org, ownerEmail } = await merchantWithOwner();
    const alert = await raiseAlert(withOrganization(testCtx(db), org.id), input("smtp"));
    const before = smtp.messages.length;
    await sendAlert(db, alert.id, {
      from: "alerts@orylo.test",
      operatorRecipients: [],
      publicUrl: "http://localhost",
    });
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail).toMatchObject({ to: [ownerEmail], subject: "[Orylo warning] No Stripe events for 6 hours" });
    expect(mail?.raw).toContain(alert.id);
    const [row] = await db.select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row).toMatchObject({ delivery: "emailed", notifiedAt: expect.any(Date) });
  });

  it("stores the alert for the dashboard when no SMTP is configured", async () => {
    const { db } = await getTestDatabase();
    const { org } = await merchantWithOwner();
    const alert = await raiseAlert(withOrganization(testCtx(db), org.id), input("stored"));
    const before = smtp.messages.length;
    await sendAlert(db, alert.id);
    const [row] = await db.select().from(alerts).where(eq(alerts.id, alert.id));
    expect(row).toMatchObject({ delivery: "stored", notifiedAt: expect.any(Date) });
    expect(smtp.messages.length).toBe(before);
  });

  it("sends operator alerts (no organization) to ALERT_EMAIL_TO", async () => {
    const { db } = await getTestDatabase();
    const key = `signatures:${crypto.randomUUID()}`;
    const alert = await raiseAlert(testCtx(db), { ...input(key), kind: "webhooks.signature_failures" });
    const before = smtp.messages.length;
    await sendAlert(db, alert.id, {
      from: null,
      operatorRecipients: ["oncall@orylo.test"],
      publicUrl: "https://app.orylo.test",
    });
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail?.to).toEqual(["oncall@orylo.test"]);
    expect(mail?.raw).toContain(alert.id);
  });
});
