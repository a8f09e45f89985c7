import { countStuckTasks } from "@orylo/db";
import type { AlertEmail } from "../alerts/deliver-alert";
import { raiseAlert } from "../alerts/raise-alert";
import type { Ctx } from "../context";
import { checkReadiness } from "../health/check-readiness";

/** A task due for this long and not done means the runner (inline host or Trigger.dev) is not draining. */
const STUCK_AFTER_MS = 15 * 60 * 1000;

export interface HealthReport {
  database: "ok" | "unavailable";
  stuckTasks: number | null;
}

/**
 * `health.check` (every 15 minutes): readiness as `/api/health/ready` sees it (SPEC §F: the database is
 * required), plus the task backlog. A failure is an operator alert; when the database itself is down the
 * alert cannot be stored, so it is emailed directly (`ALERT_EMAIL_TO`) and the run fails, visibly.
 */
export async function runHealthCheck(ctx: Ctx, alertEmail: AlertEmail | undefined): Promise<HealthReport> {
  const readiness = await checkReadiness(ctx, {});
  if (readiness.status !== "ok") {
    const subject = "[Orylo critical] Database unavailable";
    const text = `health.check could not reach the database at ${ctx.now().toISOString()}. Webhooks answer 500 and Stripe will redeliver; see docs/operations.md.`;
    if (alertEmail?.operatorRecipients.length)
      await alertEmail.mailer.send({ to: alertEmail.operatorRecipients, subject, text });
    throw new Error("health.check: the database is unavailable");
  }
  const stuckTasks = await countStuckTasks(ctx.db, new Date(ctx.now().getTime() - STUCK_AFTER_MS));
  if (stuckTasks > 0) {
    await raiseAlert(ctx, {
      kind: "tasks.backlog",
      severity: "critical",
      dedupeKey: "tasks.backlog",
      title: `${stuckTasks} background tasks overdue`,
      body:
        `${stuckTasks} tasks have been due for more than 15 minutes: explanations, Stripe actions and alerts are late. ` +
        "Check the task runner: Trigger.dev status and TRIGGER_SECRET_KEY, or that the embedded server is running; read task_outbox.last_error.",
    });
  }
  return { database: "ok", stuckTasks };
}
