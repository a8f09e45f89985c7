import { z } from "zod";

const bool = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ["true", "false", "1", "0", "yes", "no"].includes(v), `${name} must be true or false`)
    .transform((v) => v === "true" || v === "1" || v === "yes");

const list = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

const url = (message: string) => z.string().refine((v) => URL.canParse(v), message);

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(v), {
    message: "must be 32 random bytes encoded in base64 (e.g. `openssl rand -base64 32`)",
  });

const webhookSecret = z.string().startsWith("whsec_", { message: "every entry must start with whsec_" });

export const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
export type LogLevel = z.infer<typeof LogLevel>;

/** The raw environment, variable by variable. Mode-dependent rules live in `loadConfig`. */
export const Env = z.object({
  DATABASE_URL: url("must be a postgres:// connection URL").optional(),
  DATABASE_DRIVER: z.enum(["pglite", "pg", "neon"]).optional(),
  ORYLO_DATA_DIR: z.string().default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ORYLO_PUBLIC_URL: z.url().optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: LogLevel.default("info"),
  // Set by CI providers with various values; not ours to validate.
  CI: z
    .string()
    .transform((v) => !["false", "0", "no"].includes(v.trim().toLowerCase()))
    .optional(),
  STRIPE_WEBHOOK_SECRET: list(webhookSecret).optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: list(webhookSecret).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret or restricted key (sk_… or rk_…)")
    .optional(),
  STRIPE_CONNECT_CLIENT_ID: z
    .string()
    .regex(/^ca_\w+$/, "must be a Stripe Connect client id (ca_…)")
    .optional(),
  ORYLO_ACTIONS_ENABLED: bool("ORYLO_ACTIONS_ENABLED").default(true),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ORYLO_ENCRYPTION_KEY: base64Key.optional(),
  ORYLO_ENCRYPTION_KEYS_PREVIOUS: list(base64Key).optional(),
  ORYLO_DEFAULT_ORGANIZATION: z.string().min(1).optional(),
  ORYLO_DEMO: bool("ORYLO_DEMO").optional(),
  ORYLO_DEMO_EMAIL: z.email("must be an email address").optional(),
  ORYLO_DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  ORYLO_DEMO_API_KEY: z
    .string()
    .regex(/^ork_[A-Za-z0-9]{32}$/, "must be ork_ + 32 letters or digits")
    .optional(),
  UPSTASH_REDIS_REST_URL: url("must be an http(s) URL").optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  TRIGGER_SECRET_KEY: z.string().min(1).optional(),
  ORYLO_TASK_HOST: z.enum(["app", "worker"]).default("app"),
  POSTHOG_KEY: z.string().min(1).optional(),
  POSTHOG_HOST: url("must be an http(s) URL").default("https://us.i.posthog.com"),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: url("must be an http(s) URL").optional(),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: url("must be an http(s) URL").optional(),
  AI_ENABLED: bool("AI_ENABLED").default(true),
  OPENAI_MODEL_SMALL: z.string().min(1).optional(),
  OPENAI_MODEL_LARGE: z.string().min(1).optional(),
  ANTHROPIC_MODEL_SMALL: z.string().min(1).optional(),
  ANTHROPIC_MODEL_LARGE: z.string().min(1).optional(),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  SMTP_URL: url("must be an smtp:// or smtps:// URL").optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  ALERT_EMAIL_TO: list(z.email("every entry must be an email address")).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: url("must be an http(s) URL of an OTLP/HTTP collector").optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("orylo"),
});
export type Env = z.infer<typeof Env>;

/** One LLM provider; `models` override the defaults per tier (small: explanations, large: rules). */
const LlmProviderConfig = z.object({
  apiKey: z.string(),
  baseUrl: z.string().nullable(),
  models: z.object({ small: z.string().nullable(), large: z.string().nullable() }),
});

/** The parsed configuration the rest of the code reads. */
export const Config = z.object({
  mode: z.enum(["embedded", "production"]),
  nodeEnv: z.enum(["development", "test", "production"]),
  logLevel: LogLevel,
  /** Human-readable logs: not production and not CI. */
  prettyLogs: z.boolean(),
  port: z.number(),
  /** Where merchants and Stripe reach the app (sign-in links, callbacks); defaults to localhost:PORT. */
  publicUrl: z.string(),
  /** Absolute. In embedded mode it holds the database and the generated secrets. */
  dataDir: z.string(),
  database: z.object({ url: z.string().nullable(), driver: z.enum(["pglite", "pg", "neon"]) }),
  auth: z.object({ secret: z.string() }),
  encryption: z.object({ currentKey: z.string(), previousKeys: z.array(z.string()) }),
  stripe: z.object({
    webhookSecrets: z.array(z.string()),
    connectWebhookSecrets: z.array(z.string()),
    /** null = dry run: actions are recorded as "would …", never sent. */
    secretKey: z.string().nullable(),
    /** Connect OAuth (standard accounts) is offered when this and `secretKey` are set. */
    connectClientId: z.string().nullable(),
    actionsEnabled: z.boolean(),
  }),
  /** Owner of the platform account's own events; null in embedded mode = the demo merchant. */
  defaultOrganization: z.string().nullable(),
  demo: z.object({
    enabled: z.boolean(),
    email: z.string().nullable(),
    password: z.string().nullable(),
    apiKey: z.string().nullable(),
  }),
  upstash: z.object({ url: z.string(), token: z.string() }).nullable(),
  trigger: z.object({ secretKey: z.string() }).nullable(),
  /**
   * Without Trigger.dev, which process runs the inline task host: the web app itself, or a separate
   * `bun run worker` (the web app then only writes the outbox).
   */
  taskHost: z.enum(["app", "worker"]),
  posthog: z.object({ key: z.string(), host: z.string() }).nullable(),
  /** OpenTelemetry traces over OTLP/HTTP (JSON) to `endpoint` + `/v1/traces`; null = tracing off. */
  tracing: z.object({ endpoint: z.string(), serviceName: z.string() }).nullable(),
  llm: z.object({
    /** false = templates only (AI_ENABLED=false), whatever keys are set. */
    enabled: z.boolean(),
    openai: LlmProviderConfig.nullable(),
    anthropic: LlmProviderConfig.nullable(),
    timeoutMs: z.number(),
  }),
  email: z
    .object({
      smtpUrl: z.string(),
      from: z.string().nullable(),
      /** Where operator alerts (not tied to one merchant) are sent. */
      operatorRecipients: z.array(z.string()),
    })
    .nullable(),
});
export type Config = z.infer<typeof Config>;
