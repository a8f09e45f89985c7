import { SuggestionKind } from "@orylo/ai";
import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { type OrgCtx, withOrganization } from "../context";
import { suggestCustomers } from "../suggestions/suggest-customers";
import { forEachOrganization } from "./for-each-organization";
import { type TaskDeps, taskContext } from "./task-deps";
import { ScheduledPayload } from "./webhooks-retry";

export const CUSTOMERS_SUGGEST_TASK = "customers.suggest";
/** Daily, after `feedback.analyze` (04:30) has recalibrated the confidences. */
export const CUSTOMERS_SUGGEST_CRON = "0 5 * * *";

/** The daily schedule covers every organization and kind; a merchant's "suggest now" names its own. */
export const CustomersSuggestPayload = ScheduledPayload.extend({
  organizationId: z.string().min(1).optional(),
  kinds: z.array(SuggestionKind).min(1).optional(),
});
export type CustomersSuggestPayload = z.infer<typeof CustomersSuggestPayload>;

/**
 * `customers.suggest`: once a day (after `feedback.analyze` has recalibrated), whitelist and blacklist
 * suggestions for every organization. Cheap to rerun: what is pending, listed or recently rejected is skipped.
 */
export const customersSuggestTask = defineTask<TaskDeps, CustomersSuggestPayload>({
  id: CUSTOMERS_SUGGEST_TASK,
  payload: CustomersSuggestPayload,
  retry: { maxAttempts: 3, minDelayMs: 60_000, maxDelayMs: 600_000 },
  concurrency: { total: 1 },
  cron: CUSTOMERS_SUGGEST_CRON,
  run: async (deps, payload) => {
    const ctx = taskContext(deps, CUSTOMERS_SUGGEST_TASK);
    const suggest = (orgCtx: OrgCtx) => suggestCustomers(orgCtx, deps.ai, payload.kinds);
    const runs = payload.organizationId
      ? [await suggest(withOrganization(ctx, payload.organizationId))]
      : await forEachOrganization(ctx, suggest);
    return { created: runs.reduce((sum, { created }) => sum + created, 0) };
  },
});
