import { enqueueTasks } from "@orylo/db";
import { recordAudit } from "../audit/record-audit";
import type { OrgCtx } from "../context";
import { CUSTOMERS_SUGGEST_TASK, type CustomersSuggestPayload } from "../tasks/customers-suggest";
import { RequestSuggestionsInput } from "./suggestion-schemas";

/**
 * `POST /api/v1/suggestions/refresh`: queues `customers.suggest` for the caller's organization and kinds now
 * instead of at the daily run. At most once a minute per set of kinds: a repeat within the minute queues
 * nothing more.
 */
export async function requestSuggestions(
  ctx: OrgCtx,
  input: RequestSuggestionsInput,
): Promise<{ queued: boolean }> {
  const kinds = [...new Set(RequestSuggestionsInput.parse(input).kinds)].sort();
  const minute = ctx.now().toISOString().slice(0, 16);
  const payload: CustomersSuggestPayload = { organizationId: ctx.organizationId, kinds };
  const queued = await ctx.db.transaction(async (tx) => {
    const rows = await enqueueTasks(tx, [
      {
        taskId: CUSTOMERS_SUGGEST_TASK,
        payload,
        dedupeKey: `${CUSTOMERS_SUGGEST_TASK}:${ctx.organizationId}:${kinds.join(",")}:${minute}`,
        organizationId: ctx.organizationId,
      },
    ]);
    if (rows.length > 0) {
      const target = { type: "organization", id: ctx.organizationId };
      await recordAudit(ctx, { action: "suggestions.requested", target, data: { kinds } }, tx);
    }
    return rows.length > 0;
  });
  return { queued };
}
