import { findOrganization, findOrganizationEndpoint } from "@orylo/db";
import { decryptSecret, type Keyring } from "@orylo/platform";
import Stripe from "stripe";
import { z } from "zod";
import type { OrgCtx } from "../context";
import { InvalidRequestError } from "../errors";
import { WebhookReceipt, type WebhookRoute } from "../stripe-events/receive-stripe-webhook";
import { buildTestEvent } from "./test-event";

/** How the test event travels: `fetch` in the app; a test may hand the request to the route handler itself. */
export type DeliverRequest = (url: string, init: RequestInit) => Promise<Response>;

export const TestEventResult = z.object({
  eventId: z.string(),
  url: z.string(),
  httpStatus: z.number().int(),
  /** Orylo's answer when the delivery was accepted; null when it was refused (see `error`). */
  receipt: WebhookReceipt.nullable(),
  error: z.string().nullable(),
});
export type TestEventResult = z.infer<typeof TestEventResult>;

const TEST_EVENT_TIMEOUT_MS = 15_000;

interface Route {
  url: string;
  secret: string;
  account: string | null;
}

export interface TestEventPaths {
  publicUrl: string;
  /** `POST /api/webhooks/stripe`'s secrets and the organization its platform events belong to. */
  shared: Extract<WebhookRoute, { kind: "shared" }>;
  /** Decrypts the organization's own endpoint secret. */
  keyring: Keyring;
}

/** Where Stripe sends this organization's events and the secret they are signed with, as Stripe would. */
async function routeOf(ctx: OrgCtx, paths: TestEventPaths): Promise<Route> {
  const shared = `${paths.publicUrl}/api/webhooks/stripe`;
  // A Connect account's events come to the shared endpoint, signed with the Connect secret (as the router reads them).
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  const connectSecret = paths.shared.connectSecrets[0];
  if (organization?.stripeAccountId && connectSecret)
    return { url: shared, secret: connectSecret, account: organization.stripeAccountId };
  const endpoint = await findOrganizationEndpoint(ctx.db, ctx.organizationId, ctx.now());
  if (endpoint)
    return {
      url: `${shared}/${endpoint.id}`,
      secret: decryptSecret(endpoint.secretCiphertext, paths.keyring),
      account: null,
    };
  const platformSecret = paths.shared.platformSecrets[0];
  if (ctx.organizationId === paths.shared.defaultOrganizationId && platformSecret)
    return { url: shared, secret: platformSecret, account: null };
  throw new InvalidRequestError(
    "Connect Stripe or start with demo data first: there is no webhook path to test.",
  );
}

/**
 * The onboarding's "send a test event": a test-mode `charge.succeeded`, signed with the organization's own
 * webhook secret, sent over HTTP to the URL Stripe uses, so the check covers the whole path (URL, signature,
 * routing to the organization, storage, scoring). The answer is reported as it came, refusals included.
 */
export async function sendTestEvent(
  ctx: OrgCtx & { organization: { reportingCurrency: string } },
  paths: TestEventPaths,
  deliver: DeliverRequest,
): Promise<TestEventResult> {
  const route = await routeOf(ctx, paths);
  const currency = ctx.organization.reportingCurrency;
  const event = buildTestEvent({ currency, account: route.account, now: ctx.now() });
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload: event.payload,
    secret: route.secret,
  });
  let response: Response;
  try {
    response = await deliver(route.url, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: event.payload,
      signal: AbortSignal.timeout(TEST_EVENT_TIMEOUT_MS),
    });
  } catch (error) {
    // Unreachable is an answer too: the public URL is wrong, or this server cannot reach itself.
    ctx.logger.warn({ err: error, eventId: event.id }, "test event undelivered");
    const reason = error instanceof Error ? error.message : String(error);
    const undelivered = `No answer from ${route.url} (${reason}): check ORYLO_PUBLIC_URL.`;
    return { eventId: event.id, url: route.url, httpStatus: 0, receipt: null, error: undelivered };
  }
  const body: unknown = await response.json().catch(() => null);
  const receipt = response.ok ? WebhookReceipt.safeParse(body) : null;
  const error = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
  ctx.logger.info({ eventId: event.id, httpStatus: response.status }, "test event sent");
  return {
    eventId: event.id,
    url: route.url,
    httpStatus: response.status,
    receipt: receipt?.success ? receipt.data : null,
    error: receipt?.success ? null : error.success ? error.data.error.message : `HTTP ${response.status}`,
  };
}
