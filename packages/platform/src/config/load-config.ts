import { resolve } from "node:path";
import { ConfigError, type ConfigIssue } from "../errors";
import { ensureEmbeddedSecrets } from "./embedded-secrets";
import { type Config, Env } from "./env-schema";
import { projectRoot } from "./project-root";
import { GENERATED_SECRETS, VARIABLES, type VariableName } from "./variables";

type RawEnv = Record<string, string | undefined>;

const PRODUCTION_REQUIRED: VariableName[] = [...GENERATED_SECRETS, "ORYLO_DEFAULT_ORGANIZATION"];

function issue(variable: string, problem: string): ConfigIssue {
  return { variable, problem, purpose: VARIABLES[variable as VariableName] ?? "" };
}

/** Empty values count as unset, as in most .env files. */
function withoutEmpty(env: RawEnv): RawEnv {
  const out: RawEnv = {};
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value.trim() !== "") out[name] = value;
  return out;
}

function defaultDriver(url: string | undefined): Config["database"]["driver"] {
  if (!url) return "pglite";
  const host = URL.canParse(url) ? new URL(url).hostname : "";
  return host === "neon.tech" || host.endsWith(".neon.tech") ? "neon" : "pg";
}

/**
 * Parses the environment once, at boot. Embedded mode (DATABASE_URL unset) generates missing secrets into
 * `<dataDir>/secrets.json`; production mode requires every secret. Every problem is reported in one
 * ConfigError that names the variable and what it is for; values are never echoed.
 */
export function loadConfig(env: RawEnv = process.env): Config {
  let raw = withoutEmpty(env);
  const embedded = raw.DATABASE_URL === undefined;
  const dataDir = resolve(projectRoot(), raw.ORYLO_DATA_DIR ?? ".data");
  const issues: ConfigIssue[] = [];

  if (embedded) {
    const firstPass = Env.safeParse(raw);
    // Do not generate secrets next to an environment that is already wrong.
    if (firstPass.success) {
      const provided = Object.fromEntries(GENERATED_SECRETS.map((name) => [name, raw[name]]));
      raw = { ...ensureEmbeddedSecrets(dataDir, provided), ...raw };
    }
  }

  const parsed = Env.safeParse(raw);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const variable = String(zodIssue.path[0] ?? "environment");
      if (!issues.some((i) => i.variable === variable)) issues.push(issue(variable, zodIssue.message));
    }
  }

  if (!embedded) {
    for (const name of PRODUCTION_REQUIRED) {
      if (raw[name] === undefined)
        issues.push(issue(name, "is required in production mode (DATABASE_URL is set)"));
    }
  }
  if (embedded && raw.TRIGGER_SECRET_KEY !== undefined) {
    issues.push(
      issue(
        "TRIGGER_SECRET_KEY",
        "cannot be used with the embedded database: Trigger.dev workers cannot reach it; set DATABASE_URL or unset TRIGGER_SECRET_KEY",
      ),
    );
  }
  if (raw.ORYLO_TASK_HOST === "worker" && (embedded || raw.TRIGGER_SECRET_KEY !== undefined)) {
    issues.push(
      issue(
        "ORYLO_TASK_HOST",
        embedded
          ? "is worker, but the embedded database opens in one process only: set DATABASE_URL or unset ORYLO_TASK_HOST"
          : "is worker, but TRIGGER_SECRET_KEY is set and tasks run on Trigger.dev: unset one of them",
      ),
    );
  }
  if ((raw.UPSTASH_REDIS_REST_URL === undefined) !== (raw.UPSTASH_REDIS_REST_TOKEN === undefined)) {
    const missing =
      raw.UPSTASH_REDIS_REST_URL === undefined ? "UPSTASH_REDIS_REST_URL" : "UPSTASH_REDIS_REST_TOKEN";
    issues.push(issue(missing, "must be set together with the other UPSTASH_REDIS_REST_* variable"));
  }
  const driver = parsed.success ? (parsed.data.DATABASE_DRIVER ?? defaultDriver(raw.DATABASE_URL)) : "pglite";
  if (parsed.success && embedded && driver !== "pglite") {
    issues.push(issue("DATABASE_DRIVER", `is ${driver} but DATABASE_URL is unset`));
  }
  if (parsed.success && !embedded && driver === "pglite") {
    issues.push(issue("DATABASE_DRIVER", "is pglite, the embedded database: unset DATABASE_URL to use it"));
  }

  if (issues.length > 0 || !parsed.success) {
    const mode = embedded ? "embedded mode" : "production mode, DATABASE_URL is set";
    throw new ConfigError(issues, `Orylo cannot start: invalid configuration (${mode})`);
  }
  return toConfig(parsed.data, embedded, dataDir, driver);
}

function toConfig(e: Env, embedded: boolean, dataDir: string, driver: Config["database"]["driver"]): Config {
  // Both are guaranteed by the checks above (generated in embedded mode, required in production).
  const required = (value: string | undefined) => value as string;
  return {
    mode: embedded ? "embedded" : "production",
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    prettyLogs: e.NODE_ENV !== "production" && !e.CI,
    port: e.PORT,
    publicUrl: (e.ORYLO_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    dataDir,
    database: { url: e.DATABASE_URL ?? null, driver },
    auth: { secret: required(e.BETTER_AUTH_SECRET) },
    encryption: {
      currentKey: required(e.ORYLO_ENCRYPTION_KEY),
      previousKeys: e.ORYLO_ENCRYPTION_KEYS_PREVIOUS ?? [],
    },
    stripe: {
      webhookSecrets: e.STRIPE_WEBHOOK_SECRET ?? [],
      connectWebhookSecrets: e.STRIPE_CONNECT_WEBHOOK_SECRET ?? [],
      secretKey: e.STRIPE_SECRET_KEY ?? null,
      connectClientId: e.STRIPE_CONNECT_CLIENT_ID ?? null,
      actionsEnabled: e.ORYLO_ACTIONS_ENABLED,
    },
    defaultOrganization: e.ORYLO_DEFAULT_ORGANIZATION ?? null,
    demo: {
      enabled: e.ORYLO_DEMO ?? embedded,
      email: e.ORYLO_DEMO_EMAIL ?? null,
      password: e.ORYLO_DEMO_PASSWORD ?? null,
      apiKey: e.ORYLO_DEMO_API_KEY ?? null,
    },
    upstash:
      e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN
        ? { url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN }
        : null,
    trigger: e.TRIGGER_SECRET_KEY ? { secretKey: e.TRIGGER_SECRET_KEY } : null,
    taskHost: e.ORYLO_TASK_HOST,
    posthog: e.POSTHOG_KEY ? { key: e.POSTHOG_KEY, host: e.POSTHOG_HOST } : null,
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME }
      : null,
    llm: {
      enabled: e.AI_ENABLED,
      // A local OpenAI-compatible server (Ollama, vLLM) often needs no key: its base URL is enough.
      openai:
        e.OPENAI_API_KEY || e.OPENAI_BASE_URL
          ? {
              apiKey: e.OPENAI_API_KEY ?? "unused",
              baseUrl: e.OPENAI_BASE_URL ?? null,
              models: { small: e.OPENAI_MODEL_SMALL ?? null, large: e.OPENAI_MODEL_LARGE ?? null },
            }
          : null,
      anthropic: e.ANTHROPIC_API_KEY
        ? {
            apiKey: e.ANTHROPIC_API_KEY,
            baseUrl: e.ANTHROPIC_BASE_URL ?? null,
            models: { small: e.ANTHROPIC_MODEL_SMALL ?? null, large: e.ANTHROPIC_MODEL_LARGE ?? null },
          }
        : null,
      timeoutMs: e.AI_TIMEOUT_MS,
    },
    email: e.SMTP_URL
      ? { smtpUrl: e.SMTP_URL, from: e.EMAIL_FROM ?? null, operatorRecipients: e.ALERT_EMAIL_TO ?? [] }
      : null,
  };
}

const GLOBAL_KEY = Symbol.for("orylo.platform.config");

/**
 * The process-wide configuration, parsed on first use. Kept on globalThis because Next.js gives
 * instrumentation and route handlers separate module instances (STACK-NOTES).
 */
export function getConfig(): Config {
  const store = globalThis as { [GLOBAL_KEY]?: Config };
  store[GLOBAL_KEY] ??= loadConfig();
  return store[GLOBAL_KEY];
}
