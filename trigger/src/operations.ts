import { healthCheckTask, reportsDailyTask, webhooksWatchTask } from "@orylo/core";
import { toScheduledTriggerTask } from "./lib/to-trigger-task";

export const healthCheck = toScheduledTriggerTask(healthCheckTask);
export const webhooksWatch = toScheduledTriggerTask(webhooksWatchTask);
export const reportsDaily = toScheduledTriggerTask(reportsDailyTask);
