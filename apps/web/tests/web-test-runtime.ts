import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WebhookAdmissionLimits } from "@orylo/core";
import { getTestDatabase } from "@orylo/db/testing";
import type { StripeClientOverrides } from "@orylo/platform";
import { bootRuntime, type Runtime } from "@/server/runtime";

export const PLATFORM_SECRET = "whsec_test_platform_secret";
export const CONNECT_SECRET = "whsec_test_connect_secret";
export const DEMO_API_KEY = "ork_testDemoKey0123456789abcdeABCDEF";

/**
 * The app's real runtime on the worker's shared PGlite database, configured as embedded mode with known
 * secrets, without the background task loop (tests drain the outbox themselves).
 */
export async function bootTestRuntime(
  env: Record<string, string> = {},
  {
    startTasks = false,
    stripeOverrides,
    webhookAdmission,
  }: {
    startTasks?: boolean;
    stripeOverrides?: StripeClientOverrides;
    webhookAdmission?: WebhookAdmissionLimits;
  } = {},
): Promise<Runtime> {
  const database = await getTestDatabase();
  return bootRuntime({
    env: {
      NODE_ENV: "test",
      ORYLO_DATA_DIR: mkdtempSync(join(tmpdir(), "orylo-web-test-")),
      LOG_LEVEL: "silent",
      STRIPE_WEBHOOK_SECRET: PLATFORM_SECRET,
      STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_SECRET,
      ORYLO_DEMO_EMAIL: "demo@example.test",
      ORYLO_DEMO_PASSWORD: "correct horse battery staple",
      ORYLO_DEMO_API_KEY: DEMO_API_KEY,
      BETTER_AUTH_SECRET: "test-auth-secret-test-auth-secret-0123",
      ORYLO_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      ...env,
    },
    database,
    startTasks,
    printBanner: false,
    ...(stripeOverrides ? { stripeOverrides } : {}),
    ...(webhookAdmission ? { webhookAdmission } : {}),
  });
}
