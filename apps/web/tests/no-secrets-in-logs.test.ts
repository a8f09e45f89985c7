import { Writable } from "node:stream";
import { getTestDatabase } from "@orylo/db/testing";
import { asFreshEvent, loadStripeFixture, startStalledHttpServer } from "@orylo/testkit";
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as listDetections } from "@/app/api/v1/detections/route";
import { POST as createList } from "@/app/api/v1/lists/route";
import { bootRuntime } from "@/server/runtime";
import { sendWebhook } from "./send-webhook";
import { createTestMerchant } from "./test-merchant";

const SECRETS = {
  STRIPE_WEBHOOK_SECRET: "whsec_logscan_platform_5b1f0c",
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_logscan_connect_9e2a77",
  STRIPE_SECRET_KEY: "sk_test_logscanSecretKey0123456789",
  BETTER_AUTH_SECRET: "logscan-auth-secret-logscan-auth-secret-42",
  ORYLO_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString("base64"),
  UPSTASH_REDIS_REST_TOKEN: "logscanUpstashToken77",
  OPENAI_API_KEY: "sk-logscan-openai-key-31337",
  ANTHROPIC_API_KEY: "sk-ant-logscan-anthropic-key",
  POSTHOG_KEY: "phc_logscanPosthogKey",
  SMTP_URL: "smtp://mailer:logscanSmtpPassword@127.0.0.1:9",
};

describe("logs in production mode", () => {
  it("never contain a secret, an API key, a password, a signature or a full email", {
    timeout: 120_000,
  }, async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    // Upstash that never answers: the fail-open warnings are logged too.
    const upstash = await startStalledHttpServer();
    let apiKey = "";
    const runtime = await bootRuntime({
      env: {
        ...SECRETS,
        NODE_ENV: "production",
        LOG_LEVEL: "trace",
        PORT: "3000",
        DATABASE_URL: "postgres://orylo:dbPasswordLogscan@127.0.0.1:5432/orylo",
        ORYLO_DEFAULT_ORGANIZATION: "org_logscan_default",
        UPSTASH_REDIS_REST_URL: upstash.url,
      },
      database: await getTestDatabase(),
      logDestination: destination,
    });
    try {
      expect(runtime.config.mode).toBe("production");
      const merchant = await createTestMerchant(runtime.database.db);
      apiKey = merchant.apiKey;
      const email = "jane.doe.logscan@example.com";
      const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
        account: merchant.account,
      });
      (event.data.object as { billing_details: { email: string } }).billing_details.email = email;
      await sendWebhook(event, { secret: SECRETS.STRIPE_CONNECT_WEBHOOK_SECRET });
      await sendWebhook(event, { secret: SECRETS.STRIPE_CONNECT_WEBHOOK_SECRET, signature: "t=1,v1=bad" });
      await sendWebhook("{not json", { secret: SECRETS.STRIPE_WEBHOOK_SECRET });
      const get = (apiKey: string) =>
        listDetections(
          new Request("http://localhost/api/v1/detections", {
            headers: { authorization: `Bearer ${apiKey}` },
          }),
          { params: Promise.resolve({}) },
        );
      await get(merchant.apiKey);
      await get("ork_notAKeyButLooksLikeOne000000000");
      await createList(
        new Request("http://localhost/api/v1/lists", {
          method: "POST",
          headers: { authorization: `Bearer ${merchant.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ name: "vip", kind: "email" }),
        }),
        { params: Promise.resolve({}) },
      );
      await authPost(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000" },
          body: JSON.stringify({ email, password: "hunter2-logscan-password" }),
        }),
      );
    } finally {
      await runtime.close();
      await upstash.close();
    }

    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.includes('"msg":"request"'))).toBe(true);
    expect(lines.some((l) => l.includes("rate limiter"))).toBe(true);
    const forbidden = [
      ...Object.values(SECRETS),
      apiKey,
      "logscanSmtpPassword",
      "dbPasswordLogscan",
      "hunter2-logscan-password",
      "jane.doe.logscan@example.com",
      "v1=bad",
    ];
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      for (const secret of forbidden) expect(line).not.toContain(secret);
    }
  });
});
