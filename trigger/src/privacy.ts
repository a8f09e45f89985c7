import { dataRetentionTask } from "@orylo/core";
import { toScheduledTriggerTask } from "./lib/to-trigger-task";

export const dataRetention = toScheduledTriggerTask(dataRetentionTask);
