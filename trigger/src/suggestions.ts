import { CUSTOMERS_SUGGEST_CRON, customersSuggestTask } from "@orylo/core";
import { schedules } from "@trigger.dev/sdk";
import { toTriggerTask } from "./lib/to-trigger-task";

/**
 * `customers.suggest` runs from the outbox like any task (a merchant's "suggest now" names its organization),
 * so it is a `schemaTask`; its daily run over every organization is a schedule that triggers it.
 */
export const customersSuggest = toTriggerTask(customersSuggestTask);

export const customersSuggestDaily = schedules.task({
  id: `${customersSuggestTask.id}.daily`,
  cron: { pattern: CUSTOMERS_SUGGEST_CRON, timezone: "UTC" },
  run: async (payload) => {
    await customersSuggest.trigger({ scheduledAt: payload.timestamp.toISOString() });
  },
});
