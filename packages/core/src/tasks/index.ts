import type { AnyTaskDescriptor } from "@orylo/platform";
import { alertsSendTask } from "./alerts-send";
import { detectionExplainTask } from "./detection-explain";
import type { TaskDeps } from "./task-deps";
import { webhooksRetryTask } from "./webhooks-retry";

export { ALERTS_SEND_TASK, AlertsSendPayload, alertsSendTask } from "./alerts-send";
export { DETECTION_EXPLAIN_TASK, DetectionExplainPayload, detectionExplainTask } from "./detection-explain";
export type { TaskDeps } from "./task-deps";
export { ScheduledPayload, webhooksRetryTask } from "./webhooks-retry";

/**
 * Every background task, described once. Both hosts run this list: the inline runner in embedded mode,
 * Trigger.dev (trigger/) otherwise. `outbox.relay` is Trigger.dev's alone: the inline host relays by itself.
 */
export const TASKS: readonly AnyTaskDescriptor<TaskDeps>[] = [
  detectionExplainTask,
  webhooksRetryTask,
  alertsSendTask,
];
