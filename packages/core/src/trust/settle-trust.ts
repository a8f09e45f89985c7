import { selectUncreditedSettlements } from "@orylo/db";
import type { OrgCtx } from "../context";
import { BACKFILL_DAYS } from "../stripe/backfill/request-stripe-backfill";
import { adjustTrustScore, TRUST_SCORE } from "./adjust-trust-score";

const DAY_MS = 86_400_000;
/** A payment with no dispute or early fraud warning this long after it was made has settled (SPEC §B). */
export const SETTLEMENT_DAYS = 14;
/** A settlement day's credit is the trust event `settled:<YYYY-MM-DD>`: its dedupe key is the day itself. */
const SETTLED_KEY_PREFIX = "settled:";

/**
 * The daily trust credit: +5 to a customer for each UTC day on which one of their payments settled, at most
 * once per day (SPEC §B), recorded as `settled:<day>`. Every day of the last `BACKFILL_DAYS` not credited yet
 * is caught up, so a day the task did not run (an app asleep at night, a failed run) and the history a Stripe
 * import brings are credited too; a rerun credits nothing twice.
 */
export async function settleTrust(ctx: OrgCtx): Promise<{ credited: number }> {
  const to = new Date(ctx.now().getTime() - SETTLEMENT_DAYS * DAY_MS);
  const settlements = await selectUncreditedSettlements(ctx.db, {
    organizationId: ctx.organizationId,
    from: new Date(to.getTime() - BACKFILL_DAYS * DAY_MS),
    to,
    settlementDays: SETTLEMENT_DAYS,
    dedupeKeyPrefix: SETTLED_KEY_PREFIX,
  });
  let credited = 0;
  for (const { customerId, day, transactionId } of settlements) {
    const result = await adjustTrustScore(ctx, {
      customerId,
      reason: "settled_payment",
      change: { delta: TRUST_SCORE.settledPayment },
      transactionId,
      dedupeKey: `${SETTLED_KEY_PREFIX}${day}`,
    });
    if (result.applied) credited += 1;
  }
  ctx.logger.info({ credited, candidates: settlements.length }, "trust settled");
  return { credited };
}
