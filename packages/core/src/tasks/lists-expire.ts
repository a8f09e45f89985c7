import { defineTask } from "@orylo/platform";
import type { z } from "zod";
import { expireListItems } from "../lists/expire-list-items";
import { type TaskDeps, taskContext } from "./task-deps";
import { ScheduledPayload } from "./webhooks-retry";

/** `lists.expire`: every hour, removes list items past their expiry (and their Radar copies). */
export const listsExpireTask = defineTask<TaskDeps, z.infer<typeof ScheduledPayload>>({
  id: "lists.expire",
  payload: ScheduledPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  cron: "7 * * * *",
  run: (deps) => expireListItems(taskContext(deps, "lists.expire")),
});
