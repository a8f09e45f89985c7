import { alertsSendTask } from "@orylo/core";
import { toTriggerTask } from "./lib/to-trigger-task";

export const alertsSend = toTriggerTask(alertsSendTask);
