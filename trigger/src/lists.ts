import { listsExpireTask } from "@orylo/core";
import { toScheduledTriggerTask } from "./lib/to-trigger-task";

export const listsExpire = toScheduledTriggerTask(listsExpireTask);
