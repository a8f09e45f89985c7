import type { Database } from "@orylo/db";
import type { Logger } from "@orylo/platform";
import type { AiServices } from "../ai/ai-services";
import type { AlertEmail } from "../alerts/deliver-alert";
import type { Ctx } from "../context";

/** What a host (the inline runner, or a Trigger.dev run) hands every task. */
export interface TaskDeps {
  db: Database;
  logger: Logger;
  ai: AiServices;
  /** SMTP for `alerts.send`; absent = alerts are stored for the dashboard only. */
  alertEmail?: AlertEmail;
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
  };
}
