import { enqueueTasks, resolveQuietAlert, upsertOpenAlert } from "@orylo/db";
import { generateId } from "@orylo/platform";
import type { Ctx } from "../context";
import { ALERTS_SEND_TASK, type AlertsSendPayload } from "../tasks/alerts-send";
import { RaiseAlertInput } from "./alert-schemas";

/** An incident not seen for this long is over: the next occurrence opens (and sends) a new alert. */
export const ALERT_QUIET_PERIOD_MS = 24 * 60 * 60 * 1000;

export interface RaisedAlert {
  id: string;
  /** How many times this incident was raised, this time included. */
  count: number;
  /** True when this call opened the incident (and queued its delivery). */
  opened: boolean;
}

/**
 * Raises an alert for the context's organization (an operator alert when it has none). One alert per
 * incident: a repeat of an open `dedupeKey` only counts; a new incident queues `alerts.send` in the same
 * transaction, so an alert is never stored without its delivery nor delivered twice.
 */
export async function raiseAlert(
  ctx: Ctx & { organizationId?: string },
  input: RaiseAlertInput,
): Promise<RaisedAlert> {
  const alert = RaiseAlertInput.parse(input);
  const organizationId = ctx.organizationId ?? null;
  const dedupeKey = `${organizationId ?? "platform"}:${alert.dedupeKey}`;
  const now = ctx.now();
  const raised = await ctx.db.transaction(async (tx) => {
    await resolveQuietAlert(tx, dedupeKey, new Date(now.getTime() - ALERT_QUIET_PERIOD_MS), now);
    const row = await upsertOpenAlert(
      tx,
      { ...alert, id: generateId("alert"), organizationId, dedupeKey },
      now,
    );
    if (row.opened) {
      const payload: AlertsSendPayload = { alertId: row.id };
      await enqueueTasks(tx, [
        { taskId: ALERTS_SEND_TASK, payload, dedupeKey: `${ALERTS_SEND_TASK}:${row.id}`, organizationId },
      ]);
    }
    return row;
  });
  ctx.logger[alert.severity === "critical" ? "error" : "warn"](
    { alertId: raised.id, kind: alert.kind, count: raised.count },
    `alert: ${alert.title}`,
  );
  return raised;
}
