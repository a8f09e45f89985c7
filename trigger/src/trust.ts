import { trustSettleTask } from "@orylo/core";
import { toScheduledTriggerTask } from "./lib/to-trigger-task";

export const trustSettle = toScheduledTriggerTask(trustSettleTask);
