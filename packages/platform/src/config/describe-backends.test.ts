import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describeBackends, formatBackends } from "./describe-backends";
import { loadConfig } from "./load-config";

const production = {
  DATABASE_URL: "postgres://orylo:hunter2@ep-x.neon.tech/orylo",
  STRIPE_WEBHOOK_SECRET: "whsec_one",
  BETTER_AUTH_SECRET: "x".repeat(40),
  ORYLO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  ORYLO_DEFAULT_ORGANIZATION: "org_platform",
};

describe("describeBackends", () => {
  it("names the production backends without credentials", () => {
    const config = loadConfig({
      ...production,
      UPSTASH_REDIS_REST_URL: "https://eu1.upstash.io",
      UPSTASH_REDIS_REST_TOKEN: "tok",
      TRIGGER_SECRET_KEY: "tr_prod_x",
      POSTHOG_KEY: "phc_x",
      POSTHOG_HOST: "https://eu.i.posthog.com",
      OPENAI_API_KEY: "sk-x",
      ANTHROPIC_API_KEY: "sk-ant-x",
      SMTP_URL: "smtp://user:secret@mail.example.com:587",
      STRIPE_SECRET_KEY: "sk_live_x",
      OTEL_EXPORTER_OTLP_ENDPOINT: "https://otel.example.com:4318",
    });
    const backends = describeBackends(config);
    expect(Object.fromEntries(Object.entries(backends).map(([k, v]) => [k, v.backend]))).toEqual({
      database: "neon",
      cache: "upstash",
      tasks: "trigger.dev",
      llm: "openai",
      analytics: "posthog",
      tracing: "otlp",
      alerts: "smtp",
      stripeActions: "live",
    });
    expect(backends.llm.detail).toBe("OpenAI → Anthropic → templates");
    const banner = formatBackends(config);
    expect(banner).not.toContain("hunter2");
    expect(banner).not.toContain("secret@");
    expect(banner).toContain("ep-x.neon.tech");
  });

  it("names the worker process as the task host when ORYLO_TASK_HOST=worker", () => {
    const backends = describeBackends(loadConfig({ ...production, ORYLO_TASK_HOST: "worker" }));
    expect(backends.tasks).toEqual({
      backend: "worker",
      detail: "inline runner on the task outbox, in `bun run worker` processes",
    });
  });

  it("names the embedded defaults", () => {
    const config = loadConfig({
      ...production,
      DATABASE_URL: undefined,
      ORYLO_DEFAULT_ORGANIZATION: undefined,
    });
    const backends = describeBackends(config);
    expect(backends.database.backend).toBe("pglite");
    expect(backends.cache.backend).toBe("memory");
    expect(backends.tasks.backend).toBe("inline");
    expect(backends.llm.backend).toBe("templates");
    expect(backends.analytics.backend).toBe("off");
    expect(backends.tracing.backend).toBe("off");
    expect(backends.alerts.backend).toBe("outbox");
    expect(backends.stripeActions.backend).toBe("dry-run");
  });
});
