import { webhooksRetryTask } from "@orylo/core";
import { toScheduledTriggerTask } from "./lib/to-trigger-task";

export const webhooksRetry = toScheduledTriggerTask(webhooksRetryTask);
