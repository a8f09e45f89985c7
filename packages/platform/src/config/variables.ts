/** What each environment variable is for: shown next to every configuration error. */
export const VARIABLES = {
  DATABASE_URL: "PostgreSQL connection string; set = production mode, unset = embedded PGlite",
  DATABASE_DRIVER: "pglite | pg | neon; defaults from DATABASE_URL (neon.tech host → neon, else pg)",
  ORYLO_DATA_DIR: "embedded mode data directory (PGlite files, generated secrets, demo login)",
  PORT: "HTTP port of the web app",
  ORYLO_PUBLIC_URL: "public base URL of the app (sign-in, OAuth callbacks); default http://localhost:PORT",
  NODE_ENV: "development | test | production",
  LOG_LEVEL: "fatal | error | warn | info | debug | trace | silent",
  STRIPE_WEBHOOK_SECRET:
    "signing secret(s) of the platform account's Stripe webhook endpoint, whsec_…, comma-separated to rotate",
  STRIPE_CONNECT_WEBHOOK_SECRET:
    "signing secret(s) of the Stripe Connect webhook endpoint, whsec_…, comma-separated to rotate",
  STRIPE_SECRET_KEY: "Stripe API key (sk_… or rk_…) for actions; unset = dry run, actions are only recorded",
  STRIPE_CONNECT_CLIENT_ID:
    "Stripe Connect client id, ca_…: with STRIPE_SECRET_KEY, merchants connect their Stripe account with OAuth",
  ORYLO_ACTIONS_ENABLED: "true | false: whether Orylo may act on Stripe (cancel, refund, …)",
  BETTER_AUTH_SECRET: "signs sessions and tokens (better-auth), at least 32 characters",
  ORYLO_ENCRYPTION_KEY: "encrypts stored secrets (AES-256-GCM): 32 random bytes, base64",
  ORYLO_ENCRYPTION_KEYS_PREVIOUS: "retired encryption keys still used to decrypt, comma-separated base64",
  ORYLO_DEFAULT_ORGANIZATION: "organization id that owns the platform account's own Stripe events",
  ORYLO_DEMO: "true | false: create the demo merchant (default on in embedded mode, off in production)",
  ORYLO_DEMO_EMAIL: "demo merchant login email",
  ORYLO_DEMO_PASSWORD: "demo merchant password",
  ORYLO_DEMO_API_KEY: "demo merchant API key, ork_…",
  UPSTASH_REDIS_REST_URL: "Upstash Redis REST URL for cache and rate limits (with UPSTASH_REDIS_REST_TOKEN)",
  UPSTASH_REDIS_REST_TOKEN: "Upstash Redis REST token (with UPSTASH_REDIS_REST_URL)",
  TRIGGER_SECRET_KEY: "Trigger.dev secret key: background tasks run on Trigger.dev instead of inline",
  ORYLO_TASK_HOST:
    "app | worker: without Trigger.dev, tasks run in the web app (app) or in a separate `bun run worker` (worker)",
  POSTHOG_KEY: "PostHog project key; unset = analytics off",
  POSTHOG_HOST: "PostHog host, e.g. https://eu.i.posthog.com",
  OPENAI_API_KEY: "OpenAI (or compatible) API key, primary LLM provider",
  OPENAI_BASE_URL: "OpenAI-compatible base URL (with or without OPENAI_API_KEY, e.g. a local server)",
  ANTHROPIC_API_KEY: "Anthropic API key, fallback LLM provider",
  ANTHROPIC_BASE_URL: "Anthropic-compatible base URL (default Anthropic's API)",
  AI_ENABLED: "true | false: false = deterministic templates only, no LLM call whatever keys are set",
  OPENAI_MODEL_SMALL: "OpenAI model for explanations and suggestions (default gpt-4o-mini)",
  OPENAI_MODEL_LARGE: "OpenAI model for rule recommendations and rule drafts (default gpt-4o)",
  ANTHROPIC_MODEL_SMALL: "Anthropic model for explanations and suggestions (default claude-haiku-4-5)",
  ANTHROPIC_MODEL_LARGE:
    "Anthropic model for rule recommendations and rule drafts (default claude-sonnet-4-6)",
  OTEL_EXPORTER_OTLP_ENDPOINT:
    "OpenTelemetry collector base URL (OTLP/HTTP); set = traces of webhooks, requests and tasks, unset = off",
  OTEL_SERVICE_NAME: "service name on the traces (default orylo)",
  AI_TIMEOUT_MS: "timeout of one LLM call in milliseconds (default 15000)",
  SMTP_URL: "smtp(s)://user:pass@host:port for email alerts; unset = alerts stay in the dashboard outbox",
  EMAIL_FROM: "sender address of email alerts",
  ALERT_EMAIL_TO: "operator alert recipients (platform-wide alerts), comma-separated emails",
} as const;

export type VariableName = keyof typeof VARIABLES;

/** Secrets generated into `<dataDir>/secrets.json` in embedded mode and required in production. */
export const GENERATED_SECRETS = [
  "STRIPE_WEBHOOK_SECRET",
  "BETTER_AUTH_SECRET",
  "ORYLO_ENCRYPTION_KEY",
] as const;
export type GeneratedSecretName = (typeof GENERATED_SECRETS)[number];
