import { detectionActTask, detectionExplainTask } from "@orylo/core";
import { toTriggerTask } from "./lib/to-trigger-task";

export const detectionExplain = toTriggerTask(detectionExplainTask);
export const detectionAct = toTriggerTask(detectionActTask);
