import { rulesRecommendDailyTask, rulesRecommendTask } from "@orylo/core";
import { toScheduledTriggerTask, toTriggerTask } from "./lib/to-trigger-task";

export const rulesRecommend = toTriggerTask(rulesRecommendTask);
export const rulesRecommendDaily = toScheduledTriggerTask(rulesRecommendDailyTask);
