import { selectIncidentSummariesForAlerts } from "@orylo/db";
import type { OrgCtx } from "../context";
import { type IncidentSummaryView, toIncidentSummaryView } from "./incident-schemas";

/**
 * The incident summaries of these alerts, by alert id (another organization's alert has none): what an
 * alerts list (`GET /api/v1/alerts`, the dashboard) attaches to each alert as `incident`.
 */
export async function incidentSummariesForAlerts(
  ctx: OrgCtx,
  alertIds: readonly string[],
): Promise<Map<string, IncidentSummaryView>> {
  const rows = await selectIncidentSummariesForAlerts(ctx.db, ctx.organizationId, alertIds);
  return new Map(rows.map((row) => [row.alertId, toIncidentSummaryView(row)]));
}
