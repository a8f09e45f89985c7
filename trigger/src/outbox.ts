import { createOutboxStore } from "@orylo/db";
import { forwardToTrigger, relayOutbox } from "@orylo/platform";
import { schedules, tasks } from "@trigger.dev/sdk";
import { withTaskDeps } from "./lib/task-deps";

/**
 * `outbox.relay` (every minute): the safety net behind the relay the app kicks after each commit. It forwards
 * due outbox rows to Trigger.dev with the row id as idempotency key. Trigger.dev's alone: the inline host
 * relays by itself.
 */
export const outboxRelay = schedules.task({
  id: "outbox.relay",
  cron: { pattern: "* * * * *", timezone: "UTC" },
  run: () =>
    withTaskDeps(({ db }) =>
      relayOutbox(
        createOutboxStore(db),
        forwardToTrigger((id, payload, options) => tasks.trigger(id, payload, options)),
      ),
    ),
});
