import {
  type AiServices,
  alertEmailFromConfig,
  bootstrapDemoMerchant,
  type Ctx,
  createAiServices,
  createWebhookAdmission,
  type DemoCredentials,
  defaultWebhookAdmission,
  openConfiguredDatabase,
  type StripeAccess,
  stripeAccessFromConfig,
  TASKS,
  type TaskDeps,
  type WebhookAdmission,
  type WebhookAdmissionLimits,
  type WebhookRoute,
} from "@orylo/core";
import { createOutboxStore, type DatabaseHandle } from "@orylo/db";
import {
  type Analytics,
  type Cache,
  type Config,
  ConfigError,
  createAnalytics,
  createCache,
  createLogger,
  createRateLimits,
  decryptSecret,
  describeBackends,
  formatBackends,
  forwardToTrigger,
  type InlineTaskHost,
  keyringFromConfig,
  type LogDestination,
  type Logger,
  loadConfig,
  type RateLimits,
  relayOutbox,
  type StripeClientOverrides,
  startEventLoopLag,
  startInlineTaskHost,
  startTracing,
  VARIABLES,
} from "@orylo/platform";
import { tasks as triggerTasks } from "@trigger.dev/sdk";
import { type Auth, createAuth } from "./auth";
import { loadDemoCredentials } from "./boot/demo-credentials";
import { printBanner } from "./boot/print-banner";

export interface Runtime {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  /** Which backend serves each concern, e.g. `{ database: "pglite", tasks: "inline" }`. */
  backends: Record<string, string>;
  demo: { organizationId: string; credentials: DemoCredentials } | null;
  sharedWebhookRoute: Extract<WebhookRoute, { kind: "shared" }>;
  /** Webhook deliveries take a turn here first: embedded PGlite sheds a burst with 503 instead of queueing it. */
  webhookAdmission: WebhookAdmission;
  decryptSecret: (ciphertext: string) => string;
  /** The rate-limit policy table's limiters (Upstash or memory), one set per process. */
  rateLimits: RateLimits;
  /** Counters of the request path (signature failures), on Upstash or in memory like the limits. */
  cache: Cache;
  /** PostHog (off without POSTHOG_KEY), on every request's and task's context; flushed by `close()`. */
  analytics: Analytics;
  stripe: StripeAccess;
  /** The LLM provider chain, cache and limits the tasks use, for the few requests that call a model (rule drafts). */
  ai: AiServices;
  /** What a background task runs with (the inline host's, and a test's that runs one task by hand). */
  taskDeps: TaskDeps;
  tasks: InlineTaskHost | null;
  /**
   * Relay the outbox now, after a commit that wrote tasks: the inline host runs them, or they are forwarded to
   * Trigger.dev. Only a shortcut: the host's poll and the `outbox.relay` schedule relay them anyway.
   */
  relayTasksNow(): Promise<void>;
  auth: Auth;
  close(): Promise<void>;
}

export interface BootOptions {
  env?: NodeJS.ProcessEnv;
  /** An already open, migrated database (tests share one per worker). */
  database?: DatabaseHandle;
  /** Run the inline task host (without Trigger.dev, in the web app unless ORYLO_TASK_HOST=worker). */
  startTasks?: boolean;
  /** `bun run worker`: the task host's own process, which ORYLO_TASK_HOST=worker leaves the tasks to. */
  worker?: boolean;
  printBanner?: boolean;
  /** Tests point the Stripe SDK at the fake Stripe server. */
  stripeOverrides?: StripeClientOverrides;
  /** Where log lines go instead of stdout (tests read them back). */
  logDestination?: LogDestination;
  /** Tests saturate the webhook queue with tighter limits; by default `defaultWebhookAdmission`. */
  webhookAdmission?: WebhookAdmissionLimits;
}

// Next.js loads instrumentation and route handlers as separate module instances: the one runtime of the
// process lives on globalThis, so the database, the lock and the task loop exist once.
const RUNTIME_KEY = Symbol.for("orylo.runtime");
type Holder = { [RUNTIME_KEY]?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  const holder = globalThis as Holder;
  if (!holder[RUNTIME_KEY]) {
    holder[RUNTIME_KEY] = bootRuntime({ startTasks: true, printBanner: true });
    holder[RUNTIME_KEY].then(closeOnSignals, () => undefined);
  }
  return holder[RUNTIME_KEY];
}

/**
 * On Ctrl-C or a platform's SIGTERM: stop the task loop (letting the running task finish) and close the
 * database, so an embedded PGlite directory is flushed and unlocked rather than left mid-write.
 */
function closeOnSignals(runtime: Runtime): void {
  const close = (signal: NodeJS.Signals) => {
    runtime.logger.info({ signal }, "shutting down");
    runtime.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
}

/** Boots the process: config, logs, database (migrated), demo merchant, task host; registers it as the runtime. */
export async function bootRuntime(options: BootOptions = {}): Promise<Runtime> {
  const runtime = boot(options);
  (globalThis as Holder)[RUNTIME_KEY] = runtime;
  return runtime;
}

/** A worker has nobody to kick it after a commit: it looks at the outbox this often. */
const WORKER_POLL_INTERVAL_MS = 250;

async function boot(options: BootOptions): Promise<Runtime> {
  const config = loadConfig(options.env ?? process.env);
  if (options.worker && config.taskHost !== "worker")
    throw new ConfigError(
      [
        {
          variable: "ORYLO_TASK_HOST",
          problem:
            "must be worker for `bun run worker`, in the web app's environment too, so that it leaves the tasks to the worker",
          purpose: VARIABLES.ORYLO_TASK_HOST,
        },
      ],
      "The worker cannot start",
    );
  const logger = createLogger(config, options.logDestination ? { destination: options.logDestination } : {});
  const backends = Object.fromEntries(
    Object.entries(describeBackends(config)).map(([concern, { backend }]) => [concern, backend]),
  );
  const tracing = await startTracing(config, logger);
  const database = options.database ?? (await openConfiguredDatabase(config, logger));
  const analytics = createAnalytics(config);

  const ctx: Ctx = {
    db: database.db,
    actor: { type: "system", task: "boot" },
    requestId: "boot",
    logger,
    now: () => new Date(),
    analytics,
  };
  let demo: Runtime["demo"] = null;
  if (config.demo.enabled) {
    const credentials = loadDemoCredentials(config.dataDir, config.demo);
    const { organizationId } = await bootstrapDemoMerchant(ctx, credentials);
    demo = { organizationId, credentials };
  }

  const keyring = keyringFromConfig(config);
  const alertEmail = alertEmailFromConfig(config);
  const stripe = stripeAccessFromConfig(config, {
    defaultOrganizationId: config.defaultOrganization ?? demo?.organizationId ?? null,
    overrides: options.stripeOverrides,
  });
  const ai = createAiServices(config, logger);
  const deps: TaskDeps = {
    db: database.db,
    logger,
    stripe,
    ai,
    analytics,
    ...(alertEmail ? { alertEmail } : {}),
  };
  const admissionLimits =
    options.webhookAdmission ?? defaultWebhookAdmission(database.driver, config.nodeEnv);
  const lag = admissionLimits.maxLagMs === undefined ? null : startEventLoopLag();
  const hostsTasks = options.startTasks && !config.trigger && (options.worker || config.taskHost === "app");
  const tasks = hostsTasks
    ? startInlineTaskHost({
        store: createOutboxStore(database.db),
        descriptors: TASKS,
        deps,
        logger,
        ...(options.worker ? { pollIntervalMs: WORKER_POLL_INTERVAL_MS, keepProcessAlive: true } : {}),
      })
    : null;

  const runtime: Runtime = {
    config,
    logger,
    database,
    backends,
    demo,
    sharedWebhookRoute: {
      kind: "shared",
      connectSecrets: config.stripe.connectWebhookSecrets,
      platformSecrets: config.stripe.webhookSecrets,
      defaultOrganizationId: config.defaultOrganization ?? demo?.organizationId ?? null,
    },
    webhookAdmission: createWebhookAdmission(admissionLimits, lag?.lagMs),
    decryptSecret: (ciphertext) => decryptSecret(ciphertext, keyring),
    rateLimits: createRateLimits(config, logger),
    cache: createCache(config),
    analytics,
    stripe,
    ai,
    taskDeps: deps,
    tasks,
    async relayTasksNow() {
      // With ORYLO_TASK_HOST=worker there is no host here: the worker's poll finds the tasks.
      if (tasks) return tasks.kick();
      if (config.trigger) {
        await relayOutbox(
          createOutboxStore(database.db),
          forwardToTrigger((id, payload, opts) => triggerTasks.trigger(id, payload, opts)),
        );
      }
    },
    auth: createAuth({
      db: database.db,
      secret: config.auth.secret,
      baseURL: config.publicUrl,
    }),
    async close() {
      lag?.stop();
      await tasks?.stop();
      await tracing?.shutdown();
      await analytics.shutdown();
      alertEmail?.mailer.close();
      if (!options.database) await database.close();
    },
  };
  logger.info({ mode: config.mode, backends }, "orylo ready");
  if (options.printBanner && config.mode === "embedded") printBanner(runtime, formatBackends(config));
  return runtime;
}
