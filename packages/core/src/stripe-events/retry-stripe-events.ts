import { listRetryableStripeEvents } from "@orylo/db";
import type { Ctx } from "../context";
import { UnavailableError } from "../errors";
import { processStripeEvent, type StripeEventStatus } from "./process-stripe-event";

/** A `received` event untouched this long was stored by a process that died before finishing it. */
export const STALLED_AFTER_MS = 60_000;

/**
 * The retry sweep (`webhooks.retry`): reprocesses `failed` events whose backoff has passed and `received` events
 * left behind by a crash. Each event is claimed with SKIP LOCKED, so a sweep never races a live delivery.
 */
export async function retryStripeEvents(
  ctx: Ctx,
  { limit = 100 }: { limit?: number } = {},
): Promise<{ attempted: number; outcomes: Partial<Record<StripeEventStatus | "retry_later", number>> }> {
  const now = ctx.now();
  const due = await listRetryableStripeEvents(ctx.db, {
    now,
    stalledBefore: new Date(now.getTime() - STALLED_AFTER_MS),
    limit,
  });
  const outcomes: Partial<Record<StripeEventStatus | "retry_later", number>> = {};
  for (const { id } of due) {
    let outcome: StripeEventStatus | "retry_later";
    try {
      outcome = (await processStripeEvent(ctx, id)).status;
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      outcome = "retry_later";
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  if (due.length > 0) ctx.logger.info({ attempted: due.length, outcomes }, "stripe event retry sweep");
  return { attempted: due.length, outcomes };
}
