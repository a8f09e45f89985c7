import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { deliverAlert } from "../alerts/deliver-alert";
import { type TaskDeps, taskContext } from "./task-deps";

export const ALERTS_SEND_TASK = "alerts.send";

export const AlertsSendPayload = z.object({ alertId: z.string().min(1) });
export type AlertsSendPayload = z.infer<typeof AlertsSendPayload>;

/** `alerts.send`: delivers one new alert (email, or stored for the dashboard), queued by `raiseAlert`. */
export const alertsSendTask = defineTask<TaskDeps, AlertsSendPayload>({
  id: ALERTS_SEND_TASK,
  payload: AlertsSendPayload,
  retry: { maxAttempts: 5, minDelayMs: 30_000, maxDelayMs: 30 * 60_000 },
  concurrency: { total: 2 },
  run: (deps, payload) => deliverAlert(taskContext(deps, ALERTS_SEND_TASK), deps.alertEmail, payload.alertId),
});
