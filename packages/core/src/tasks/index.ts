import type { AnyTaskDescriptor } from "@orylo/platform";
import { alertsSendTask } from "./alerts-send";
import { customersSuggestTask } from "./customers-suggest";
import { dataRetentionTask } from "./data-retention";
import { detectionActTask } from "./detection-act";
import { detectionExplainTask } from "./detection-explain";
import { feedbackAnalyzeTask } from "./feedback-analyze";
import { incidentsSummarizeTask } from "./incidents-summarize";
import { invitationsSendTask } from "./invitations-send";
import { listsExpireTask } from "./lists-expire";
import { healthCheckTask, reportsDailyTask, webhooksWatchTask } from "./operations-tasks";
import { rulesRecommendDailyTask, rulesRecommendTask } from "./rules-recommend";
import { stripeBackfillTask } from "./stripe-backfill";
import type { TaskDeps } from "./task-deps";
import { trustSettleTask } from "./trust-settle";
import { webhooksRetryTask } from "./webhooks-retry";

export { ALERTS_SEND_TASK, AlertsSendPayload, alertsSendTask } from "./alerts-send";
export {
  CUSTOMERS_SUGGEST_CRON,
  CUSTOMERS_SUGGEST_TASK,
  CustomersSuggestPayload,
  customersSuggestTask,
} from "./customers-suggest";
export { dataRetentionTask } from "./data-retention";
export { DETECTION_ACT_TASK, DetectionActPayload, detectionActTask } from "./detection-act";
export { DETECTION_EXPLAIN_TASK, DetectionExplainPayload, detectionExplainTask } from "./detection-explain";
export { FEEDBACK_ANALYZE_TASK, feedbackAnalyzeTask } from "./feedback-analyze";
export {
  INCIDENTS_SUMMARIZE_TASK,
  IncidentsSummarizePayload,
  incidentsSummarizeTask,
} from "./incidents-summarize";
export { INVITATIONS_SEND_TASK, InvitationsSendPayload, invitationsSendTask } from "./invitations-send";
export { listsExpireTask } from "./lists-expire";
export { healthCheckTask, reportsDailyTask, webhooksWatchTask } from "./operations-tasks";
export {
  RULES_RECOMMEND_TASK,
  RulesRecommendPayload,
  rulesRecommendDailyTask,
  rulesRecommendTask,
} from "./rules-recommend";
export { STRIPE_BACKFILL_TASK, StripeBackfillPayload, stripeBackfillTask } from "./stripe-backfill";
export type { TaskDeps } from "./task-deps";
export { trustSettleTask } from "./trust-settle";
export { ScheduledPayload, webhooksRetryTask } from "./webhooks-retry";

/**
 * Every background task, described once. Both hosts run this list: the inline runner in embedded mode,
 * Trigger.dev (trigger/) otherwise. `outbox.relay` is Trigger.dev's alone: the inline host relays by itself.
 */
export const TASKS: readonly AnyTaskDescriptor<TaskDeps>[] = [
  detectionExplainTask,
  detectionActTask,
  stripeBackfillTask,
  alertsSendTask,
  invitationsSendTask,
  webhooksRetryTask,
  trustSettleTask,
  feedbackAnalyzeTask,
  customersSuggestTask,
  incidentsSummarizeTask,
  rulesRecommendTask,
  rulesRecommendDailyTask,
  listsExpireTask,
  dataRetentionTask,
  healthCheckTask,
  webhooksWatchTask,
  reportsDailyTask,
];
