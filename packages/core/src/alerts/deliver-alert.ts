import { findAlert, markAlertDelivered, selectAlertRecipients } from "@orylo/db";
import { type Config, createMailer, type Mailer } from "@orylo/platform";
import type { Ctx } from "../context";
import { NotFoundError } from "../errors";

/** How alerts leave the building: SMTP, and who hears about operator alerts. Absent = stored only. */
export interface AlertEmail {
  mailer: Mailer;
  operatorRecipients: string[];
}

/** SMTP from `SMTP_URL` (operator recipients from `ALERT_EMAIL_TO`), or undefined: alerts are stored only. */
export function alertEmailFromConfig(config: Pick<Config, "email" | "publicUrl">): AlertEmail | undefined {
  const mailer = createMailer(config);
  return mailer && config.email ? { mailer, operatorRecipients: config.email.operatorRecipients } : undefined;
}

/**
 * `alerts.send`: emails an alert to its organization's owners and admins (operator alerts: `ALERT_EMAIL_TO`)
 * when SMTP is configured; otherwise, or with nobody to tell, it stays stored for the dashboard. An SMTP
 * failure throws, so the task is retried.
 */
export async function deliverAlert(
  ctx: Ctx,
  email: AlertEmail | undefined,
  alertId: string,
): Promise<{ delivery: "emailed" | "stored" }> {
  const alert = await findAlert(ctx.db, alertId);
  if (!alert) throw new NotFoundError("alert", alertId);
  if (alert.delivery !== "pending") return { delivery: alert.delivery };
  const recipients = !email
    ? []
    : alert.organizationId
      ? await selectAlertRecipients(ctx.db, alert.organizationId)
      : email.operatorRecipients;
  if (!email || recipients.length === 0) {
    await markAlertDelivered(ctx.db, alert.id, "stored", ctx.now());
    return { delivery: "stored" };
  }
  await email.mailer.send({
    to: recipients,
    subject: `[Orylo ${alert.severity}] ${alert.title}`,
    text: `${alert.body}\n\nFirst seen ${alert.firstSeenAt.toISOString()} (alert ${alert.id}).`,
  });
  await markAlertDelivered(ctx.db, alert.id, "emailed", ctx.now());
  ctx.logger.info({ alertId: alert.id, recipients: recipients.length }, "alert emailed");
  return { delivery: "emailed" };
}
