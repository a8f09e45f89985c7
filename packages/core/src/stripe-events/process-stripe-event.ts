import {
  claimStripeEvent,
  type DetectionSummary,
  findDetectionSummary,
  findStripeEvent,
  markStripeEventFailed,
  markStripeEventIgnored,
  markStripeEventProcessed,
  type StripeEventRow,
} from "@orylo/db";
import { ZodError } from "zod";
import { raiseAlert } from "../alerts/raise-alert";
import { type Ctx, withOrganization } from "../context";
import { UnavailableError } from "../errors";
import { parseOrganizationSettings } from "../organizations/organization-settings";
import { handlerFor } from "./handlers";
import { PoisonEventError } from "./poison-event-error";
import { StripeEventEnvelope } from "./stripe-event-envelope";

export type StripeEventStatus = StripeEventRow["status"];
export interface ProcessingResult {
  status: StripeEventStatus;
  detection: DetectionSummary | null;
}

/** After this many failed attempts an event is dead-lettered even if each failure looked transient. */
export const MAX_EVENT_ATTEMPTS = 8;

/**
 * Claims a stored event and processes it in one transaction: payments, customers, detection and the event's
 * new status commit together. A transient failure is recorded as `failed` with a backoff and rethrown as
 * `UnavailableError` (Stripe gets a 5xx and redelivers; the retry sweep also picks it up); a poison event is
 * recorded as `dead` and reported, never rethrown. `received` is the event as the delivery that just stored it
 * parsed it: then its stored payload is not read back and parsed again.
 */
export async function processStripeEvent(
  ctx: Ctx,
  eventId: string,
  received?: StripeEventEnvelope,
): Promise<ProcessingResult> {
  const logger = ctx.logger.child({ eventId });
  try {
    const processed = await ctx.db.transaction((tx) =>
      processClaimed({ ...ctx, db: tx, logger }, eventId, received),
    );
    return processed ?? (await currentState(ctx, eventId));
  } catch (error) {
    return recordFailure({ ...ctx, logger }, eventId, error);
  }
}

async function processClaimed(
  ctx: Ctx,
  eventId: string,
  received: StripeEventEnvelope | undefined,
): Promise<ProcessingResult | null> {
  const claimed = await claimStripeEvent(ctx.db, eventId, { payload: !received });
  if (!claimed) return null;
  const { event: row, organization } = claimed;
  const now = ctx.now();
  if (!organization) {
    await markStripeEventIgnored(ctx.db, eventId, { reason: "no organization for this event", now });
    return { status: "ignored", detection: null };
  }
  const settings = parseOrganizationSettings(organization);
  if (!row.livemode && !settings.scoreTestMode) {
    await markStripeEventIgnored(ctx.db, eventId, { reason: "test-mode events are turned off", now });
    return { status: "ignored", detection: null };
  }
  const event = received ?? StripeEventEnvelope.parse(row.payload);
  const handler = handlerFor(event.type);
  const orgCtx = withOrganization(ctx, organization.id);
  const detection = handler ? await handler(orgCtx, { event, settings }) : null;
  await markStripeEventProcessed(ctx.db, eventId, { detectionId: detection?.id ?? null, now });
  return { status: "processed", detection };
}

async function currentState(ctx: Ctx, eventId: string): Promise<ProcessingResult> {
  const row = await findStripeEvent(ctx.db, eventId);
  if (!row) throw new Error(`stripe event ${eventId} vanished`);
  const detection =
    row.detectionId && row.organizationId
      ? ((await findDetectionSummary(ctx.db, row.organizationId, row.detectionId)) ?? null)
      : null;
  return { status: row.status, detection };
}

async function recordFailure(ctx: Ctx, eventId: string, error: unknown): Promise<ProcessingResult> {
  const poison = error instanceof PoisonEventError || error instanceof ZodError;
  const message = describeFailure(error);
  let retryAt: Date | null;
  let row: StripeEventRow | undefined;
  try {
    row = await findStripeEvent(ctx.db, eventId);
    const attempts = (row?.attempts ?? 0) + 1;
    retryAt = poison || attempts >= MAX_EVENT_ATTEMPTS ? null : nextAttemptAt(ctx.now(), attempts);
    await markStripeEventFailed(ctx.db, eventId, { error: message, retryAt });
  } catch (recordError) {
    // The database itself is failing: the event stays `received` and the retry sweep will find it.
    ctx.logger.error({ err: recordError, cause: message }, "could not record a failed event");
    throw new UnavailableError(
      "The event is stored but could not be processed now; Stripe will redeliver it.",
      error,
    );
  }
  if (retryAt) {
    ctx.logger.warn({ err: error, retryAt }, "event processing failed; will retry");
    throw new UnavailableError(
      "The event is stored but could not be processed now; Stripe will redeliver it.",
      error,
    );
  }
  ctx.logger.error({ err: error, poison }, "event dead-lettered");
  await alertDeadEvent(ctx, row, message);
  return { status: "dead", detection: null };
}

/** One alert per organization while dead events keep coming (the count says how many); never fails the answer. */
async function alertDeadEvent(ctx: Ctx, row: StripeEventRow | undefined, message: string): Promise<void> {
  try {
    const alertCtx = row?.organizationId ? withOrganization(ctx, row.organizationId) : ctx;
    await raiseAlert(alertCtx, {
      kind: "stripe_events.dead",
      severity: "warning",
      dedupeKey: "stripe_events.dead",
      title: "Stripe events could not be processed",
      body: [
        `Event ${row?.id ?? "?"} (${row?.type ?? "unknown type"}) was dead-lettered: ${message.slice(0, 500)}`,
        "It is kept with its error. After a fix, replay it: bun run events:replay (docs/operations.md).",
      ].join("\n"),
    });
  } catch (alertError) {
    ctx.logger.error({ err: alertError }, "could not raise the dead-event alert");
  }
}

/**
 * What went wrong, for `last_error`: the root cause first (a database error is wrapped by Drizzle in a
 * "Failed query: <sql>" error whose own message says little), then the wrapper, shortened.
 */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : null;
  if (!cause) return `${error.name}: ${error.message}`;
  return `${cause.name}: ${cause.message} (in ${error.message.slice(0, 200)})`;
}

/** Exponential backoff from 30 seconds, capped at one hour. */
export function nextAttemptAt(now: Date, attempts: number): Date {
  const delayMs = Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
  return new Date(now.getTime() + delayMs);
}
