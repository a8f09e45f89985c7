import { invitationsSendTask } from "@orylo/core";
import { toTriggerTask } from "./lib/to-trigger-task";

export const invitationsSend = toTriggerTask(invitationsSendTask);
