import type { Database } from "@orylo/db";
import type { Analytics, Logger } from "@orylo/platform";
import type { AiServices } from "../ai/ai-services";
import type { AlertEmail } from "../alerts/deliver-alert";
import type { Ctx } from "../context";
import type { StripeAccess } from "../stripe/stripe-access";

/** What a host (the inline runner, or a Trigger.dev run) hands every task. */
export interface TaskDeps {
  db: Database;
  logger: Logger;
  /** SMTP for `alerts.send`; absent = alerts are stored for the dashboard only. */
  alertEmail?: AlertEmail;
  stripe: StripeAccess;
  ai: AiServices;
  /** PostHog, off without POSTHOG_KEY; the host flushes it when it stops. */
  analytics: Analytics;
}

/** Tasks act as `system: <task id>`, with a request id per run so their logs can be followed. */
export function taskContext(deps: TaskDeps, taskId: string): Ctx {
  const requestId = `task_${taskId}_${Date.now().toString(36)}`;
  return {
    db: deps.db,
    actor: { type: "system", task: taskId },
    requestId,
    logger: deps.logger.child({ requestId, task: taskId }),
    now: () => new Date(),
    analytics: deps.analytics,
  };
}
