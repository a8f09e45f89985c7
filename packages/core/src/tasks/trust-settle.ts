import { defineTask } from "@orylo/platform";
import type { z } from "zod";
import { settleTrust } from "../trust/settle-trust";
import { forEachOrganization } from "./for-each-organization";
import { type TaskDeps, taskContext } from "./task-deps";
import { ScheduledPayload } from "./webhooks-retry";

/**
 * `trust.settle`: once a day, +5 trust to every customer whose payment settled (SPEC §B), organization by
 * organization. A rerun the same day credits nothing twice (`settleTrust` dedupes per day).
 */
export const trustSettleTask = defineTask<TaskDeps, z.infer<typeof ScheduledPayload>>({
  id: "trust.settle",
  payload: ScheduledPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  cron: "15 3 * * *",
  run: async (deps) => {
    const ctx = taskContext(deps, "trust.settle");
    const settled = await forEachOrganization(ctx, settleTrust);
    return { credited: settled.reduce((sum, { credited }) => sum + credited, 0) };
  },
});
