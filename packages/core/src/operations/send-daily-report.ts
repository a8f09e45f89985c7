import { selectOrganizationZones } from "@orylo/db";
import { localHour } from "@orylo/engine";
import { raiseAlert } from "../alerts/raise-alert";
import { type Ctx, withOrganization } from "../context";
import { getDashboardStats } from "../dashboard/dashboard-stats";

/** The local hour reports are sent at. */
const REPORT_HOUR = 9;

/**
 * `reports.daily` (hourly): to each organization for which it is 09:00, yesterday's and the last 7 days'
 * decisions and blocked amount, sent through the alerts path (an `info` alert emailed to owners and admins,
 * stored for the dashboard without SMTP). Its dedupe key is the day, so a second run in the hour sends nothing.
 */
export async function sendDailyReports(ctx: Ctx): Promise<{ sent: string[] }> {
  const now = ctx.now();
  const sent: string[] = [];
  for (const { id, timeZone } of await selectOrganizationZones(ctx.db)) {
    if (localHour(now, timeZone) !== REPORT_HOUR) continue;
    const orgCtx = withOrganization(ctx, id);
    const stats = await getDashboardStats(orgCtx);
    const yesterday = stats.days.at(-2);
    if (!yesterday) continue;
    const counts = yesterday.byDecision;
    const week = stats.last7Days;
    const raised = await raiseAlert(orgCtx, {
      kind: "reports.daily",
      severity: "info",
      dedupeKey: `reports.daily:${yesterday.day}`,
      title: `Daily report for ${yesterday.day}`,
      body: [
        `${yesterday.day}: ${counts.ALLOW + counts.REVIEW + counts.BLOCK} payments scored — ${counts.ALLOW} allowed, ${counts.REVIEW} to review, ${counts.BLOCK} blocked.`,
        `Last 7 days: ${week.total} payments, ${week.byDecision.BLOCK} blocked for ${week.blockedAmount.toFixed(2)} ${stats.reportingCurrency.toUpperCase()}.`,
        stats.unconvertedCurrencies.length
          ? `Not converted (no rate): ${stats.unconvertedCurrencies.join(", ").toUpperCase()}.`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
    });
    if (raised.opened) sent.push(id);
  }
  return { sent };
}
