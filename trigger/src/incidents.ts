import { incidentsSummarizeTask } from "@orylo/core";
import { toTriggerTask } from "./lib/to-trigger-task";

export const incidentsSummarize = toTriggerTask(incidentsSummarizeTask);
