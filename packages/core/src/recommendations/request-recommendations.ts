import { enqueueTasks } from "@orylo/db";
import type { OrgCtx } from "../context";
import { RULES_RECOMMEND_TASK, type RulesRecommendPayload } from "../tasks/rules-recommend";

/** Queues `rules.recommend` for the organization, once per reason (a day, an incident). */
export async function requestRecommendations(ctx: OrgCtx, reason: string): Promise<void> {
  const payload: RulesRecommendPayload = { organizationId: ctx.organizationId, reason };
  await enqueueTasks(ctx.db, [
    {
      taskId: RULES_RECOMMEND_TASK,
      payload,
      dedupeKey: `${RULES_RECOMMEND_TASK}:${ctx.organizationId}:${reason}`,
      organizationId: ctx.organizationId,
    },
  ]);
}
