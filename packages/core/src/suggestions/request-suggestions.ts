import type { SuggestionKind } from "@orylo/ai";
import { type Executor, enqueueTasks } from "@orylo/db";
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
  const { kinds } = RequestSuggestionsInput.parse(input);
  const queued = await ctx.db.transaction(async (tx) => {
    if (await queueSuggestions(ctx, kinds, tx)) {
      const target = { type: "organization", id: ctx.organizationId };
      await recordAudit(ctx, { action: "suggestions.requested", target, data: { kinds } }, tx);
      return true;
    }
    return false;
  });
  return { queued };
}

/**
 * Queues `customers.suggest` for the organization and kinds now, at most once a minute per set of kinds;
 * true when this call queued it. Also used when a card-testing incident opens (its sources are blacklist
 * candidates at once, not at the next daily run).
 */
export async function queueSuggestions(
  ctx: OrgCtx,
  requested: readonly SuggestionKind[],
  db: Executor = ctx.db,
): Promise<boolean> {
  const kinds = [...new Set(requested)].sort();
  const minute = ctx.now().toISOString().slice(0, 16);
  const payload: CustomersSuggestPayload = { organizationId: ctx.organizationId, kinds };
  const rows = await enqueueTasks(db, [
    {
      taskId: CUSTOMERS_SUGGEST_TASK,
      payload,
      dedupeKey: `${CUSTOMERS_SUGGEST_TASK}:${ctx.organizationId}:${kinds.join(",")}:${minute}`,
      organizationId: ctx.organizationId,
    },
  ]);
  return rows.length > 0;
}
