import {
  alertEmailFromConfig,
  createAiServices,
  openConfiguredDatabase,
  stripeAccessFromConfig,
  type TaskDeps,
} from "@orylo/core";
import { createAnalytics, createLogger, loadConfig, startTracing } from "@orylo/platform";

/**
 * One database client per task run, closed when the run ends: Trigger.dev runs are separate processes
 * that may be frozen between runs, so nothing is shared through module state.
 */
export async function withTaskDeps<T>(work: (deps: TaskDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openConfiguredDatabase(config, logger);
  const alertEmail = alertEmailFromConfig(config);
  const ai = createAiServices(config, logger);
  const tracing = await startTracing(config, logger);
  const analytics = createAnalytics(config);
  try {
    return await work({
      db: database.db,
      logger,
      stripe: stripeAccessFromConfig(config),
      ai,
      analytics,
      ...(alertEmail ? { alertEmail } : {}),
    });
  } finally {
    // A run's process may be frozen or reused: its spans are sent before it returns.
    await tracing?.shutdown();
    alertEmail?.mailer.close();
    await analytics.shutdown();
    await database.close();
  }
}
