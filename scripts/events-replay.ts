// bun run events:replay [--id evt_… ...] [--status dead|failed] [--since 2026-11-01]
// Processes dead-lettered events again. In embedded mode, stop the app first: only one process may open
// the embedded database (a clear error says so otherwise).
import { parseArgs } from "node:util";
import { openConfiguredDatabase, replayStripeEvents } from "@orylo/core";
import { createAnalytics, createLogger, loadConfig } from "@orylo/platform";

const { values: args } = parseArgs({
  options: {
    id: { type: "string", multiple: true },
    status: { type: "string", default: "dead" },
    since: { type: "string", default: new Date(Date.now() - 30 * 86_400_000).toISOString() },
  },
});
if (args.status !== "dead" && args.status !== "failed") {
  console.error("--status must be dead or failed");
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger(config);
const database = await openConfiguredDatabase(config, logger);
const analytics = createAnalytics(config);
try {
  const results = await replayStripeEvents(
    {
      db: database.db,
      actor: { type: "system", task: "events.replay" },
      requestId: "events-replay",
      logger,
      now: () => new Date(),
      analytics,
    },
    args.id?.length ? { ids: args.id } : { status: args.status, since: new Date(args.since) },
  );
  for (const { id, status } of results) console.log(`${id}  ${status}`);
  console.log(`${results.length} event(s) replayed`);
} finally {
  await analytics.shutdown();
  await database.close();
}
