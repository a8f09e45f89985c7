import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { withOrganization } from "../context";
import { recommendRules } from "../recommendations/recommend-rules";
import { requestRecommendations } from "../recommendations/request-recommendations";
import { forEachOrganization } from "./for-each-organization";
import { type TaskDeps, taskContext } from "./task-deps";
import { ScheduledPayload } from "./webhooks-retry";

export const RULES_RECOMMEND_TASK = "rules.recommend";

export const RulesRecommendPayload = z.object({
  organizationId: z.string().min(1),
  /** Why it runs: `daily:<date>` or `incident:<alert id>`. */
  reason: z.string().min(1).max(200),
});
export type RulesRecommendPayload = z.infer<typeof RulesRecommendPayload>;

/** `rules.recommend`: one organization's patterns → backtested rule recommendations (the stronger model writes the why). */
export const rulesRecommendTask = defineTask<TaskDeps, RulesRecommendPayload>({
  id: RULES_RECOMMEND_TASK,
  payload: RulesRecommendPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000, factor: 2 },
  concurrency: { total: 1 },
  run: async (deps, payload) => {
    const ctx = withOrganization(taskContext(deps, RULES_RECOMMEND_TASK), payload.organizationId);
    const run = await recommendRules(ctx, deps.ai, payload.reason);
    return { proposed: run.proposed.length, discarded: run.discarded.length };
  },
});

/** `rules.recommend.daily`: queues `rules.recommend` for every organization once a day (one run each, deduped by date). */
export const rulesRecommendDailyTask = defineTask<TaskDeps, z.infer<typeof ScheduledPayload>>({
  id: "rules.recommend.daily",
  payload: ScheduledPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  cron: "40 4 * * *",
  run: async (deps) => {
    const ctx = taskContext(deps, "rules.recommend.daily");
    const day = ctx.now().toISOString().slice(0, 10);
    const queued = await forEachOrganization(ctx, (orgCtx) => requestRecommendations(orgCtx, `daily:${day}`));
    return { queued: queued.length };
  },
});
