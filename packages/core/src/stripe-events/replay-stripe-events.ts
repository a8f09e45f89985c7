import { requeueStripeEvents } from "@orylo/db";
import type { Ctx } from "../context";
import { processStripeEvent, type StripeEventStatus } from "./process-stripe-event";

/**
 * `bun run events:replay`: processes dead-lettered (or failed) events again, after the bug or the data that
 * killed them was fixed. Each is requeued then processed exactly as a first delivery.
 */
export async function replayStripeEvents(
  ctx: Ctx,
  filter: { ids: string[] } | { status: "dead" | "failed"; since: Date },
): Promise<{ id: string; status: StripeEventStatus | "retry_later" }[]> {
  const ids = await requeueStripeEvents(ctx.db, filter);
  const results: { id: string; status: StripeEventStatus | "retry_later" }[] = [];
  for (const id of ids) {
    try {
      results.push({ id, status: (await processStripeEvent(ctx, id)).status });
    } catch {
      results.push({ id, status: "retry_later" });
    }
  }
  ctx.logger.info({ replayed: results.length }, "stripe events replayed");
  return results;
}
