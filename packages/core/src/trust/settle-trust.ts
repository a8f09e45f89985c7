import { selectSettledPaymentCustomers } from "@orylo/db";
import type { OrgCtx } from "../context";
import { adjustTrustScore, TRUST_SCORE } from "./adjust-trust-score";

const DAY_MS = 86_400_000;
/** A payment with no dispute or early fraud warning this long after it was made has settled (SPEC §B). */
export const SETTLEMENT_DAYS = 14;

/**
 * The daily trust credit: every customer with a payment that settled during the day that ended
 * `SETTLEMENT_DAYS` ago gains +5, at most once per (UTC) day of `now` however often this runs. A day the
 * task does not run is not caught up later: the window is one day wide so no payment is credited twice.
 */
export async function settleTrust(ctx: OrgCtx): Promise<{ credited: number }> {
  const now = ctx.now();
  const to = new Date(now.getTime() - SETTLEMENT_DAYS * DAY_MS);
  const from = new Date(to.getTime() - DAY_MS);
  const day = now.toISOString().slice(0, 10);
  const settled = await selectSettledPaymentCustomers(ctx.db, {
    organizationId: ctx.organizationId,
    from,
    to,
  });
  let credited = 0;
  for (const { customerId, transactionId } of settled) {
    const result = await adjustTrustScore(ctx, {
      customerId,
      reason: "settled_payment",
      change: { delta: TRUST_SCORE.settledPayment },
      transactionId,
      dedupeKey: `settled:${day}`,
    });
    if (result.applied) credited += 1;
  }
  ctx.logger.info({ credited, candidates: settled.length }, "trust settled");
  return { credited };
}
