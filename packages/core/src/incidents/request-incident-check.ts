import type { NewOutboxTask } from "@orylo/db";
import type { OrgCtx } from "../context";
import { INCIDENTS_SUMMARIZE_TASK, type IncidentsSummarizePayload } from "../tasks/incidents-summarize";

const MINUTE_MS = 60_000;

/**
 * Queued with a BLOCK's own detection: one `incidents.summarize` per organization and minute, due when the minute
 * ends, so a burst of a thousand blocked cards costs the webhook path one conflicting insert each and the
 * summary sees the whole minute. The summary itself (queries, alert, text) never runs in the request.
 */
export function incidentCheckTask(ctx: OrgCtx): NewOutboxTask {
  const minuteEnd = (Math.floor(ctx.now().getTime() / MINUTE_MS) + 1) * MINUTE_MS;
  const payload: IncidentsSummarizePayload = { organizationId: ctx.organizationId };
  return {
    taskId: INCIDENTS_SUMMARIZE_TASK,
    payload,
    dedupeKey: `${INCIDENTS_SUMMARIZE_TASK}:${ctx.organizationId}:${minuteEnd}`,
    organizationId: ctx.organizationId,
    runAfter: new Date(minuteEnd),
  };
}
