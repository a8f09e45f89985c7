import { defineTask } from "@orylo/platform";
import type { z } from "zod";
import { analyzeFeedback } from "../feedback/analyze-feedback";
import { forEachOrganization } from "./for-each-organization";
import { type TaskDeps, taskContext } from "./task-deps";
import { ScheduledPayload } from "./webhooks-retry";

export const FEEDBACK_ANALYZE_TASK = "feedback.analyze";

/** `feedback.analyze`: daily, before `customers.suggest`, recalibrates confidence per kind from the feedback ledger. */
export const feedbackAnalyzeTask = defineTask<TaskDeps, z.infer<typeof ScheduledPayload>>({
  id: FEEDBACK_ANALYZE_TASK,
  payload: ScheduledPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  cron: "30 4 * * *",
  run: async (deps) => {
    const ctx = taskContext(deps, FEEDBACK_ANALYZE_TASK);
    const analyzed = await forEachOrganization(ctx, analyzeFeedback);
    return { kinds: analyzed.reduce((sum, { kinds }) => sum + kinds, 0) };
  },
});
