import { stripeBackfillTask } from "@orylo/core";
import { toTriggerTask } from "./lib/to-trigger-task";

export const stripeBackfill = toTriggerTask(stripeBackfillTask);
