import {
  findDetectionSummary,
  findOrganizationByStripeAccount,
  insertStripeEvent,
  stripeEventStatus,
} from "@orylo/db";
import { Decision } from "@orylo/engine";
import { traced } from "@orylo/platform";
import { z } from "zod";
import type { Ctx } from "../context";
import { InvalidRequestError } from "../errors";
import { processStripeEvent } from "./process-stripe-event";
import { replaceNul, TOO_DEEP } from "./replace-nul";
import { StripeEventEnvelope } from "./stripe-event-envelope";
import { verifyStripeSignature } from "./verify-stripe-signature";

/**
 * Where a delivery came in and which secrets may have signed it:
 * - `shared` is `POST /api/webhooks/stripe`: Connect secrets (routed by `event.account`) and platform secrets
 *   (events of the platform account itself, which belong to the default organization);
 * - `endpoint` is a merchant's own endpoint, whose organization and secrets the caller resolved.
 */
export type WebhookRoute =
  | {
      kind: "shared";
      connectSecrets: string[];
      platformSecrets: string[];
      defaultOrganizationId: string | null;
    }
  | { kind: "endpoint"; endpointId: string; organizationId: string; secrets: string[] };

export interface WebhookDelivery {
  rawBody: string;
  signature: string | null;
  route: WebhookRoute;
}

/** The body Stripe gets back with a 2xx. */
export const WebhookReceipt = z.object({
  received: z.literal(true),
  duplicate: z.boolean().meta({ description: "The event id was already stored: this is a redelivery." }),
  status: z.enum(stripeEventStatus.enumValues),
  detection: z.object({ id: z.string(), decision: Decision, riskScore: z.number().int() }).nullable(),
});
export type WebhookReceipt = z.infer<typeof WebhookReceipt>;

/**
 * Verify → store (committed before anything else) → process. A redelivery of a finished event gets the same
 * answer; one still `received` or `failed` is claimed and processed now.
 */
export async function receiveStripeWebhook(ctx: Ctx, delivery: WebhookDelivery): Promise<WebhookReceipt> {
  return traced("stripe.webhook", { "orylo.request_id": ctx.requestId }, async (span) => {
    const routed = await traced("stripe.webhook.verify", {}, () => verifyAndRoute(ctx, delivery));
    span?.setAttribute("stripe.event_id", routed.event.id);
    span?.setAttribute("stripe.event_type", routed.event.type);
    if (routed.organizationId) span?.setAttribute("orylo.organization_id", routed.organizationId);
    const receipt = await storeAndProcess(ctx, routed);
    span?.setAttribute("orylo.event_status", receipt.status);
    return receipt;
  });
}

function processTraced(ctx: Ctx, eventId: string, received?: StripeEventEnvelope) {
  return traced("stripe.event.process", { "stripe.event_id": eventId }, () =>
    processStripeEvent(ctx, eventId, received),
  );
}

async function storeAndProcess(
  ctx: Ctx,
  { event, payload, organizationId, ignoredReason, endpointId }: Awaited<ReturnType<typeof verifyAndRoute>>,
): Promise<WebhookReceipt> {
  const { inserted, row } = await insertStripeEvent(ctx.db, {
    id: event.id,
    organizationId,
    endpointId,
    type: event.type,
    stripeAccountId: event.account ?? null,
    livemode: event.livemode,
    apiVersion: event.api_version ?? null,
    stripeCreatedAt: new Date(event.created * 1000),
    payload,
    status: ignoredReason ? "ignored" : "received",
    lastError: ignoredReason,
  });
  // Only the rare branches log here: a child logger per delivery costs more than it says.
  const logger = () => ctx.logger.child({ eventId: event.id, eventType: event.type });
  if (!inserted) {
    if (row.organizationId !== organizationId) {
      logger().warn({ storedFor: row.organizationId }, "event id already stored for another organization");
      return { received: true, duplicate: true, status: row.status, detection: null };
    }
    if (row.status === "received" || row.status === "failed") {
      return { received: true, duplicate: true, ...(await processTraced(ctx, event.id)) };
    }
    const detection =
      row.detectionId && organizationId
        ? await findDetectionSummary(ctx.db, organizationId, row.detectionId)
        : null;
    return { received: true, duplicate: true, status: row.status, detection: detection ?? null };
  }
  if (ignoredReason) {
    logger().info({ reason: ignoredReason }, "event ignored");
    return { received: true, duplicate: false, status: "ignored", detection: null };
  }
  return { received: true, duplicate: false, ...(await processTraced(ctx, event.id, event)) };
}

async function verifyAndRoute(ctx: Ctx, { rawBody, signature, route }: WebhookDelivery) {
  if (route.kind === "endpoint") {
    const { event } = await verifyStripeSignature(rawBody, signature, route.secrets);
    return {
      ...parseEnvelope(event),
      organizationId: route.organizationId,
      ignoredReason: null,
      endpointId: route.endpointId,
    };
  }
  const secrets = [...route.connectSecrets, ...route.platformSecrets];
  const { event: verified, secretIndex } = await verifyStripeSignature(rawBody, signature, secrets);
  const { event, payload } = parseEnvelope(verified);
  if (secretIndex >= route.connectSecrets.length) {
    const ignoredReason = route.defaultOrganizationId ? null : "no default organization is configured";
    return { event, payload, organizationId: route.defaultOrganizationId, ignoredReason, endpointId: null };
  }
  if (!event.account) {
    return {
      event,
      payload,
      organizationId: null,
      ignoredReason: "Connect event without an account",
      endpointId: null,
    };
  }
  const organization = await findOrganizationByStripeAccount(ctx.db, event.account);
  return {
    event,
    payload,
    organizationId: organization?.id ?? null,
    ignoredReason: organization ? null : `no organization is connected to ${event.account}`,
    endpointId: null,
  };
}

/** The envelope we rely on, and the event exactly as Stripe sent it (stored whole, for replays). */
function parseEnvelope(verified: unknown): { event: StripeEventEnvelope; payload: Record<string, unknown> } {
  const event = replaceNul(verified);
  if (event === TOO_DEEP)
    throw new InvalidRequestError("The body is nested too deeply to be a Stripe event.");
  const parsed = StripeEventEnvelope.safeParse(event);
  if (!parsed.success) {
    throw new InvalidRequestError(`The body is not a Stripe event: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues,
    });
  }
  return { event: parsed.data, payload: event as Record<string, unknown> };
}
