import type { Cache } from "@orylo/platform";
import { raiseAlert } from "../alerts/raise-alert";
import type { Ctx } from "../context";

/** Counted per endpoint in fixed windows of this length… */
const WINDOW_SECONDS = 600;
/** …and this many bad signatures in one window is an incident (a rolled secret, or someone probing). */
export const SIGNATURE_FAILURE_THRESHOLD = 20;
/** A cache that has not answered by then loses this count, never the request: the count is advisory. */
const COUNT_TIMEOUT_MS = 300;

/**
 * Counts one delivery whose signature failed, with one cache increment (no database write on the 400 path).
 * The delivery that reaches the threshold raises `webhooks.signature_failures`: one alert per incident, whose
 * count grows with each further window past the threshold. `organizationId`: the merchant's own endpoint's
 * organization; null for the shared endpoint (an operator alert).
 */
export async function countSignatureFailure(
  ctx: Ctx,
  cache: Cache,
  failure: { endpoint: string; organizationId: string | null },
): Promise<{ count: number; alerted: boolean }> {
  const window = Math.floor(ctx.now().getTime() / (WINDOW_SECONDS * 1000));
  let timer: NodeJS.Timeout | undefined;
  const count = await Promise.race([
    cache.incr(failure.organizationId ?? "platform", `signature_failures:${failure.endpoint}:${window}`, {
      ttlSeconds: WINDOW_SECONDS,
    }),
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), COUNT_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  if (count === null) {
    ctx.logger.warn(
      { endpoint: failure.endpoint },
      "signature failure not counted: the cache did not answer",
    );
    return { count: 0, alerted: false };
  }
  if (count !== SIGNATURE_FAILURE_THRESHOLD) return { count, alerted: false };
  await raiseAlert(failure.organizationId ? { ...ctx, organizationId: failure.organizationId } : ctx, {
    kind: "webhooks.signature_failures",
    severity: "warning",
    dedupeKey: `webhooks.signature_failures:${failure.endpoint}`,
    title: `Stripe webhook signatures failing on endpoint ${failure.endpoint}`,
    body:
      `${count} deliveries with a bad signature in ${WINDOW_SECONDS / 60} minutes on endpoint ${failure.endpoint}. ` +
      "Either the signing secret was rolled in Stripe without updating Orylo (valid events are then refused too: set the new secret, keep the old one during the overlap), or someone is sending forged events (they are refused; nothing to do unless it persists).",
  });
  return { count, alerted: true };
}
