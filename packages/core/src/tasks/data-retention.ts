import { defineTask } from "@orylo/platform";
import type { z } from "zod";
import { applyDataRetention } from "../privacy/apply-data-retention";
import { forEachOrganization } from "./for-each-organization";
import { type TaskDeps, taskContext } from "./task-deps";
import { ScheduledPayload } from "./webhooks-retry";

/** `data.retention`: once a day, each organization's raw payloads and personal data past its retention go. */
export const dataRetentionTask = defineTask<TaskDeps, z.infer<typeof ScheduledPayload>>({
  id: "data.retention",
  payload: ScheduledPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  cron: "30 2 * * *",
  run: async (deps) => {
    const ctx = taskContext(deps, "data.retention");
    const applied = await forEachOrganization(ctx, applyDataRetention);
    const changed = applied.flatMap((counts) => Object.values(counts)).reduce((sum, n) => sum + n, 0);
    return { changed };
  },
});
