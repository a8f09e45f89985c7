import { defineTask } from "@orylo/platform";
import type { z } from "zod";
import { runHealthCheck } from "../operations/run-health-check";
import { sendDailyReports } from "../operations/send-daily-report";
import { watchWebhooks } from "../operations/watch-webhooks";
import { type TaskDeps, taskContext } from "./task-deps";
import { ScheduledPayload } from "./webhooks-retry";

type Scheduled = z.infer<typeof ScheduledPayload>;
const ONCE = { maxAttempts: 1, minDelayMs: 0, maxDelayMs: 0 };

/** `health.check` (every 15 minutes): readiness and the task backlog; an operator alert when either fails. */
export const healthCheckTask = defineTask<TaskDeps, Scheduled>({
  id: "health.check",
  payload: ScheduledPayload,
  retry: ONCE,
  concurrency: { total: 1 },
  cron: "*/15 * * * *",
  run: (deps) => runHealthCheck(taskContext(deps, "health.check"), deps.alertEmail),
});

/** `webhooks.watch` (every 15 minutes): connected organizations silent for longer than their usual rate. */
export const webhooksWatchTask = defineTask<TaskDeps, Scheduled>({
  id: "webhooks.watch",
  payload: ScheduledPayload,
  retry: ONCE,
  concurrency: { total: 1 },
  cron: "7,22,37,52 * * * *",
  run: (deps) => watchWebhooks(taskContext(deps, "webhooks.watch")),
});

/** `reports.daily` (hourly): the daily report of every organization for which it is 09:00. */
export const reportsDailyTask = defineTask<TaskDeps, Scheduled>({
  id: "reports.daily",
  payload: ScheduledPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  cron: "0 * * * *",
  run: (deps) => sendDailyReports(taskContext(deps, "reports.daily")),
});
