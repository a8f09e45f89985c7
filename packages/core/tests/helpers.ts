import type { Executor } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { type Analytics, createAnalytics, createLogger, loadConfig } from "@orylo/platform";
import { type FakeStripe, signStripePayload } from "@orylo/testkit";
import { type AiServices, createAiServices } from "../src/ai/ai-services";
import type { Ctx } from "../src/context";
import { type StripeAccess, stripeAccessFromConfig } from "../src/stripe/stripe-access";
import { receiveStripeWebhook, type WebhookDelivery } from "../src/stripe-events/receive-stripe-webhook";

export const PLATFORM_SECRET = "whsec_core_test_platform";
export const CONNECT_SECRET = "whsec_core_test_connect";

const logger = createLogger(
  loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ORYLO_DATA_DIR: "/tmp/orylo-core-tests" }),
);

/** Analytics off, or the real posthog-node pointed at a local fake PostHog. */
export function testAnalytics(posthogUrl?: string): Analytics {
  return createAnalytics({ posthog: posthogUrl ? { key: "phc_test", host: posthogUrl } : null });
}

export function testCtx(
  db: Executor,
  now: () => Date = () => new Date(),
  analytics: Analytics = testAnalytics(),
): Ctx {
  return { db, actor: { type: "webhook", source: "stripe" }, requestId: "req_test", logger, now, analytics };
}

/** A delivery to the shared endpoint, signed with the real Stripe SDK, owned by `organizationId`. */
export async function platformDelivery(event: unknown, organizationId: string): Promise<WebhookDelivery> {
  const rawBody = JSON.stringify(event);
  return {
    rawBody,
    signature: await signStripePayload(rawBody, PLATFORM_SECRET),
    route: {
      kind: "shared",
      connectSecrets: [CONNECT_SECRET],
      platformSecrets: [PLATFORM_SECRET],
      defaultOrganizationId: organizationId,
    },
  };
}

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");

/**
 * How tasks reach Stripe in core tests: the real SDK pointed at the fake server, or no key at all (dry run).
 */
export function testStripeAccess(
  options: {
    fake?: FakeStripe;
    platformKey?: string | null;
    defaultOrganizationId?: string | null;
    actionsEnabled?: boolean;
    connectClientId?: string | null;
  } = {},
): StripeAccess {
  return stripeAccessFromConfig(
    {
      stripe: {
        webhookSecrets: [],
        connectWebhookSecrets: [],
        secretKey: options.platformKey ?? null,
        connectClientId: options.connectClientId ?? null,
        actionsEnabled: options.actionsEnabled ?? true,
      },
      encryption: { currentKey: TEST_ENCRYPTION_KEY, previousKeys: [] },
      defaultOrganization: options.defaultOrganizationId ?? null,
    },
    { overrides: { ...options.fake?.clientOptions, maxNetworkRetries: 0 } },
  );
}

/**
 * AI services as the app builds them from its config: templates only by default, or the real SDKs pointed
 * at a local fake LLM (`fakeLlmUrl`). A fresh memory cache each call, so tests do not share structures.
 */
export function testAi(fakeLlmUrl?: string, providers: ("openai" | "anthropic")[] = ["openai"]): AiServices {
  const models = { small: null, large: null };
  return createAiServices(
    {
      upstash: null,
      llm: {
        enabled: true,
        openai:
          fakeLlmUrl && providers.includes("openai")
            ? { apiKey: "sk-test", baseUrl: `${fakeLlmUrl}/v1`, models }
            : null,
        anthropic:
          fakeLlmUrl && providers.includes("anthropic")
            ? { apiKey: "sk-ant-test", baseUrl: fakeLlmUrl, models }
            : null,
        timeoutMs: 2_000,
      },
    },
    logger,
  );
}

/** A fresh organization on the worker's database, and `send` to deliver an event to it through the webhook verb. */
export async function ingestionSetup() {
  const { db } = await getTestDatabase();
  const organization = await createTestOrganization(db);
  const send = async (event: unknown) =>
    receiveStripeWebhook(testCtx(db), await platformDelivery(event, organization.id));
  return { db, organization, send };
}
