import { alertDelivery, alertSeverity, countAlertsByStatus, listAlerts } from "@orylo/db";
import { z } from "zod";
import type { OrgCtx } from "../context";
import { IncidentSummaryView } from "../incidents/incident-schemas";
import { incidentSummariesForAlerts } from "../incidents/incident-summaries-for-alerts";
import { PageQueryFields, pageWindow, toPage } from "../pagination";
import { ALERT_QUIET_PERIOD_MS } from "./raise-alert";

export const ListAlertsQuery = z
  .object({
    status: z
      .enum(["open", "resolved"])
      .optional()
      .meta({ description: "`open`: seen within the last 24 hours; `resolved`: quiet since, or closed." }),
    severity: z.enum(alertSeverity.enumValues).optional().meta({ description: "Only this severity." }),
    ...PageQueryFields,
  })
  .strict();
export type ListAlertsQuery = z.infer<typeof ListAlertsQuery>;

export const AlertView = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: "What happened, e.g. `webhooks.silence`, `stripe_events.dead`." }),
    severity: z.enum(alertSeverity.enumValues),
    status: z.enum(["open", "resolved"]),
    title: z.string(),
    body: z.string(),
    count: z.number().int().meta({ description: "How many times the incident was raised while open." }),
    firstSeenAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    resolvedAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: "When it ended (24 hours after it was last seen)." }),
    delivery: z.enum(alertDelivery.enumValues).meta({
      description: "`emailed` to owners and admins, `stored` (no SMTP: shown in the dashboard), `pending`.",
    }),
    summary: IncidentSummaryView.nullable().meta({
      description: "A card-testing incident's summary: attempts, blocks, amount protected, a temporary rule.",
    }),
  })
  .meta({ id: "Alert" });
export type AlertView = z.infer<typeof AlertView>;

export const AlertList = z.object({
  data: z.array(AlertView),
  nextCursor: z.string().nullable(),
  counts: z.object({ open: z.number().int(), resolved: z.number().int() }).meta({
    description: "Open and resolved incidents matching `severity` (whatever `status` and the page).",
  }),
});
export type AlertList = z.infer<typeof AlertList>;

/** `GET /api/v1/alerts`: the organization's incidents, most recently opened first, with open/resolved counts. */
export async function listAlertsPage(ctx: OrgCtx, query: ListAlertsQuery): Promise<AlertList> {
  const quietSince = new Date(ctx.now().getTime() - ALERT_QUIET_PERIOD_MS);
  const filters = { status: query.status, severity: query.severity, quietSince };
  const [rows, counts] = await Promise.all([
    listAlerts(ctx.db, ctx.organizationId, { ...filters, ...pageWindow(query) }),
    countAlertsByStatus(ctx.db, ctx.organizationId, filters),
  ]);
  const page = toPage(rows, query.limit, (row) => ({
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    status: !row.resolvedAt && row.lastSeenAt >= quietSince ? ("open" as const) : ("resolved" as const),
    title: row.title,
    body: row.body,
    count: row.count,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    // A quiet incident ended when its quiet period did, though its row closes only at its next occurrence.
    resolvedAt:
      (
        row.resolvedAt ??
        (row.lastSeenAt < quietSince ? new Date(row.lastSeenAt.getTime() + ALERT_QUIET_PERIOD_MS) : null)
      )?.toISOString() ?? null,
    delivery: row.delivery,
  }));
  const summaries = await incidentSummariesForAlerts(
    ctx,
    page.data.map((alert) => alert.id),
  );
  const data = page.data.map((alert) => ({ ...alert, summary: summaries.get(alert.id) ?? null }));
  return { ...page, data, counts };
}
