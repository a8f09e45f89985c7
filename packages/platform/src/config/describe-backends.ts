import type { Config } from "./env-schema";

export const CONCERNS = [
  "database",
  "cache",
  "tasks",
  "llm",
  "analytics",
  "tracing",
  "alerts",
  "stripeActions",
] as const;
export type Concern = (typeof CONCERNS)[number];
export type BackendDescription = { backend: string; detail: string };

/** Host only: never print credentials from a URL. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "invalid URL";
  }
}

/** Which backend serves each concern, for the boot log and the embedded-mode banner. */
export function describeBackends(config: Config): Record<Concern, BackendDescription> {
  const { database, stripe, llm } = config;
  const providers = llm.enabled
    ? [llm.openai && "OpenAI", llm.anthropic && "Anthropic", "templates"].filter(Boolean)
    : ["templates"];
  return {
    database:
      database.driver === "pglite"
        ? { backend: "pglite", detail: `PGlite (embedded) in ${config.dataDir}` }
        : {
            backend: database.driver,
            detail: `${database.driver === "neon" ? "Neon serverless Postgres" : "PostgreSQL (pg)"} at ${hostOf(database.url ?? "")}`,
          },
    cache: config.upstash
      ? { backend: "upstash", detail: `Upstash Redis at ${hostOf(config.upstash.url)}` }
      : { backend: "memory", detail: "in-process memory with TTL (one process only)" },
    tasks: config.trigger
      ? { backend: "trigger.dev", detail: "Trigger.dev v4, fed from the task outbox" }
      : config.taskHost === "worker"
        ? { backend: "worker", detail: "inline runner on the task outbox, in `bun run worker` processes" }
        : { backend: "inline", detail: "inline runner on the task outbox (needs a long-running process)" },
    llm: {
      backend: !llm.enabled ? "templates" : llm.openai ? "openai" : llm.anthropic ? "anthropic" : "templates",
      detail:
        providers.length === 1
          ? "deterministic templates (French, English), marked as such"
          : `${providers.join(" → ")}${llm.openai?.baseUrl ? ` (OpenAI-compatible at ${hostOf(llm.openai.baseUrl)})` : ""}`,
    },
    analytics: config.posthog
      ? { backend: "posthog", detail: `PostHog at ${hostOf(config.posthog.host)}` }
      : { backend: "off", detail: "off (no POSTHOG_KEY)" },
    tracing: config.tracing
      ? { backend: "otlp", detail: `OpenTelemetry traces to ${hostOf(config.tracing.endpoint)}` }
      : { backend: "off", detail: "off (no OTEL_EXPORTER_OTLP_ENDPOINT)" },
    alerts: config.email
      ? { backend: "smtp", detail: `SMTP at ${hostOf(config.email.smtpUrl)}` }
      : { backend: "outbox", detail: "alerts kept in the outbox shown in the dashboard" },
    stripeActions: !stripe.actionsEnabled
      ? { backend: "disabled", detail: "disabled (ORYLO_ACTIONS_ENABLED=false)" }
      : stripe.secretKey
        ? {
            backend: stripe.secretKey.includes("_live_") ? "live" : "test",
            detail: `Stripe API, ${stripe.secretKey.includes("_live_") ? "live" : "test"} mode`,
          }
        : { backend: "dry-run", detail: 'dry run: recorded as "would cancel/refund" (no STRIPE_SECRET_KEY)' },
  };
}

/** One line per concern, aligned, for a boot banner. */
export function formatBackends(config: Config): string {
  const backends = describeBackends(config);
  const lines = CONCERNS.map((concern) => `  ${concern.padEnd(14)} ${backends[concern].detail}`);
  return [`Orylo (${config.mode} mode)`, ...lines].join("\n");
}
