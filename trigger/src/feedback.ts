import { feedbackAnalyzeTask } from "@orylo/core";
import { toScheduledTriggerTask } from "./lib/to-trigger-task";

export const feedbackAnalyze = toScheduledTriggerTask(feedbackAnalyzeTask);
