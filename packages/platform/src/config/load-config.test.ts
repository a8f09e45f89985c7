import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../errors";
import { loadConfig } from "./load-config";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "orylo-config-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = () => randomBytes(32).toString("base64");
const production = () => ({
  DATABASE_URL: "postgres://orylo:pw@db.internal:5432/orylo",
  STRIPE_WEBHOOK_SECRET: "whsec_one,whsec_two",
  BETTER_AUTH_SECRET: "x".repeat(40),
  ORYLO_ENCRYPTION_KEY: key(),
  ORYLO_DEFAULT_ORGANIZATION: "org_platform",
});

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("embedded mode", () => {
  it("generates missing secrets once into secrets.json (0600) and reuses them", () => {
    const first = loadConfig({ ORYLO_DATA_DIR: dir });
    expect(first.mode).toBe("embedded");
    expect(first.dataDir).toBe(dir);
    expect(first.database).toEqual({ url: null, driver: "pglite" });
    expect(first.stripe.webhookSecrets).toHaveLength(1);
    expect(first.stripe.webhookSecrets[0]).toMatch(/^whsec_/);
    expect(Buffer.from(first.encryption.currentKey, "base64")).toHaveLength(32);
    expect(first.auth.secret.length).toBeGreaterThanOrEqual(32);

    const file = join(dir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, "utf8"));
    expect(stored.ORYLO_ENCRYPTION_KEY).toBe(first.encryption.currentKey);

    const second = loadConfig({ ORYLO_DATA_DIR: dir });
    expect(second.auth.secret).toBe(first.auth.secret);
    expect(second.encryption.currentKey).toBe(first.encryption.currentKey);
    expect(second.stripe.webhookSecrets).toEqual(first.stripe.webhookSecrets);
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify(stored, null, 2).concat("\n"));
  });

  it("lets environment variables override generated secrets", () => {
    const generated = loadConfig({ ORYLO_DATA_DIR: dir });
    const override = key();
    const config = loadConfig({
      ORYLO_DATA_DIR: dir,
      ORYLO_ENCRYPTION_KEY: override,
      STRIPE_WEBHOOK_SECRET: "whsec_new, whsec_old",
    });
    expect(config.encryption.currentKey).toBe(override);
    expect(config.stripe.webhookSecrets).toEqual(["whsec_new", "whsec_old"]);
    expect(config.auth.secret).toBe(generated.auth.secret);
  });

  it("does not generate a secret the environment provides", () => {
    loadConfig({ ORYLO_DATA_DIR: dir, BETTER_AUTH_SECRET: "y".repeat(32) });
    const stored = JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"));
    expect(stored.BETTER_AUTH_SECRET).toBeUndefined();
    expect(stored.ORYLO_ENCRYPTION_KEY).toBeDefined();
  });

  it("never replaces a damaged secrets file", () => {
    writeFileSync(join(dir, "secrets.json"), "{not json");
    const error = configError(() => loadConfig({ ORYLO_DATA_DIR: dir }));
    expect(error.message).toContain("secrets.json");
    expect(readFileSync(join(dir, "secrets.json"), "utf8")).toBe("{not json");
  });

  it("resolves the data dir, enables the demo and uses embedded defaults", () => {
    const config = loadConfig({ ORYLO_DATA_DIR: dir, ORYLO_DEMO_EMAIL: "demo@orylo.dev" });
    expect(config.demo).toEqual({ enabled: true, email: "demo@orylo.dev", password: null, apiKey: null });
    expect(config.port).toBe(3000);
    expect(config.stripe.secretKey).toBeNull();
    expect(config.stripe.actionsEnabled).toBe(true);
    expect(config.upstash).toBeNull();
    expect(config.defaultOrganization).toBeNull();
    expect(loadConfig({ ORYLO_DATA_DIR: dir, ORYLO_DEMO: "false" }).demo.enabled).toBe(false);
  });

  it("rejects TRIGGER_SECRET_KEY with the embedded database", () => {
    const error = configError(() => loadConfig({ ORYLO_DATA_DIR: dir, TRIGGER_SECRET_KEY: "tr_dev_x" }));
    expect(error.issues.map((i) => i.variable)).toEqual(["TRIGGER_SECRET_KEY"]);
    expect(error.message).toMatch(/workers cannot reach it/);
  });

  it("rejects ORYLO_TASK_HOST=worker with the embedded database, which one process opens", () => {
    const error = configError(() => loadConfig({ ORYLO_DATA_DIR: dir, ORYLO_TASK_HOST: "worker" }));
    expect(error.issues.map((i) => i.variable)).toEqual(["ORYLO_TASK_HOST"]);
    expect(error.message).toMatch(/one process only/);
  });

  it("rejects a non-pglite driver without DATABASE_URL", () => {
    const error = configError(() => loadConfig({ ORYLO_DATA_DIR: dir, DATABASE_DRIVER: "neon" }));
    expect(error.issues[0]?.variable).toBe("DATABASE_DRIVER");
  });

  it("uses pretty logs in development only, outside CI", () => {
    expect(loadConfig({ ORYLO_DATA_DIR: dir }).prettyLogs).toBe(true);
    expect(loadConfig({ ORYLO_DATA_DIR: dir, CI: "woodpecker" }).prettyLogs).toBe(false);
    expect(loadConfig({ ORYLO_DATA_DIR: dir, CI: "false" }).prettyLogs).toBe(true);
    expect(loadConfig({ ORYLO_DATA_DIR: dir, NODE_ENV: "production" }).prettyLogs).toBe(false);
  });

  it("treats empty variables as unset", () => {
    const config = loadConfig({ ORYLO_DATA_DIR: dir, DATABASE_URL: "", STRIPE_SECRET_KEY: " " });
    expect(config.mode).toBe("embedded");
    expect(config.stripe.secretKey).toBeNull();
  });
});

describe("production mode", () => {
  it("runs tasks in the app unless ORYLO_TASK_HOST says worker, which Trigger.dev excludes", () => {
    expect(loadConfig(production()).taskHost).toBe("app");
    expect(loadConfig({ ...production(), ORYLO_TASK_HOST: "worker" }).taskHost).toBe("worker");
    const both = configError(() =>
      loadConfig({ ...production(), ORYLO_TASK_HOST: "worker", TRIGGER_SECRET_KEY: "tr_prod_x" }),
    );
    expect(both.issues.map((i) => i.variable)).toEqual(["ORYLO_TASK_HOST"]);
    expect(both.message).toMatch(/tasks run on Trigger.dev/);
    expect(configError(() => loadConfig({ ...production(), ORYLO_TASK_HOST: "elsewhere" })).message).toMatch(
      /ORYLO_TASK_HOST/,
    );
  });

  it("parses a complete environment", () => {
    const config = loadConfig({
      ...production(),
      STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_c1",
      STRIPE_SECRET_KEY: "sk_live_abc",
      STRIPE_CONNECT_CLIENT_ID: "ca_platform",
      ORYLO_ACTIONS_ENABLED: "false",
      UPSTASH_REDIS_REST_URL: "https://eu1.upstash.io",
      UPSTASH_REDIS_REST_TOKEN: "tok",
      TRIGGER_SECRET_KEY: "tr_prod_x",
      POSTHOG_KEY: "phc_x",
      PORT: "8080",
      NODE_ENV: "production",
    });
    expect(config.mode).toBe("production");
    expect(config.database.driver).toBe("pg");
    expect(config.stripe).toEqual({
      webhookSecrets: ["whsec_one", "whsec_two"],
      connectWebhookSecrets: ["whsec_c1"],
      secretKey: "sk_live_abc",
      connectClientId: "ca_platform",
      actionsEnabled: false,
    });
    expect(config.demo.enabled).toBe(false);
    expect(config.defaultOrganization).toBe("org_platform");
    expect(config.upstash).toEqual({ url: "https://eu1.upstash.io", token: "tok" });
    expect(config.trigger).toEqual({ secretKey: "tr_prod_x" });
    expect(config.posthog?.host).toBe("https://us.i.posthog.com");
    expect(config.port).toBe(8080);
    expect(config.prettyLogs).toBe(false);
  });

  it("lists every missing secret in one error, with what each is for", () => {
    const error = configError(() => loadConfig({ DATABASE_URL: "postgres://db.internal/orylo" }));
    expect(error.issues.map((i) => i.variable).sort()).toEqual([
      "BETTER_AUTH_SECRET",
      "ORYLO_DEFAULT_ORGANIZATION",
      "ORYLO_ENCRYPTION_KEY",
      "STRIPE_WEBHOOK_SECRET",
    ]);
    expect(error.code).toBe("config_invalid");
    expect(error.message).toContain("production mode");
    expect(error.message).toContain("ORYLO_ENCRYPTION_KEY: is required in production mode");
    expect(error.message).toContain("encrypts stored secrets");
  });

  it("reports missing and invalid variables together, without echoing values", () => {
    const error = configError(() =>
      loadConfig({
        ...production(),
        BETTER_AUTH_SECRET: undefined,
        ORYLO_ENCRYPTION_KEY: "c2hvcnQ=",
        STRIPE_WEBHOOK_SECRET: "whsec_ok,sk_test_leaked",
        UPSTASH_REDIS_REST_URL: "https://eu1.upstash.io",
        PORT: "http",
      }),
    );
    expect(error.issues.map((i) => i.variable).sort()).toEqual([
      "BETTER_AUTH_SECRET",
      "ORYLO_ENCRYPTION_KEY",
      "PORT",
      "STRIPE_WEBHOOK_SECRET",
      "UPSTASH_REDIS_REST_TOKEN",
    ]);
    expect(error.message).not.toContain("sk_test_leaked");
    expect(error.message).not.toContain("c2hvcnQ=");
  });

  it("defaults the driver from the URL and enables the demo only when asked", () => {
    const neon = loadConfig({
      ...production(),
      DATABASE_URL: "postgres://u:p@ep-x.eu-central-1.aws.neon.tech/db",
    });
    expect(neon.database.driver).toBe("neon");
    expect(loadConfig({ ...production(), DATABASE_DRIVER: "pg" }).database.driver).toBe("pg");
    expect(loadConfig({ ...production(), ORYLO_DEMO: "true" }).demo.enabled).toBe(true);
    expect(configError(() => loadConfig({ ...production(), DATABASE_DRIVER: "pglite" })).issues).toHaveLength(
      1,
    );
  });

  it("does not touch the data dir", () => {
    loadConfig({ ...production(), ORYLO_DATA_DIR: dir });
    expect(() => statSync(join(dir, "secrets.json"))).toThrow();
  });
});

describe("LLM providers", () => {
  it("enables OpenAI from a base URL alone (a local compatible server), with per-tier model overrides", () => {
    const config = loadConfig({
      ORYLO_DATA_DIR: dir,
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
      OPENAI_MODEL_SMALL: "llama3.2",
      ANTHROPIC_API_KEY: "sk-ant-x",
    });
    expect(config.llm).toMatchObject({
      enabled: true,
      openai: { baseUrl: "http://127.0.0.1:11434/v1", models: { small: "llama3.2", large: null } },
      anthropic: { apiKey: "sk-ant-x", baseUrl: null },
      timeoutMs: 15_000,
    });
  });

  it("AI_ENABLED=false is the kill switch, whatever keys are set", () => {
    const config = loadConfig({ ORYLO_DATA_DIR: dir, OPENAI_API_KEY: "sk-x", AI_ENABLED: "false" });
    expect(config.llm.enabled).toBe(false);
    expect(configError(() => loadConfig({ ORYLO_DATA_DIR: dir, AI_ENABLED: "maybe" })).message).toContain(
      "AI_ENABLED",
    );
  });
});
