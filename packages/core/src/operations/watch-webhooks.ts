import { selectWebhookActivity } from "@orylo/db";
import { raiseAlert } from "../alerts/raise-alert";
import { type Ctx, withOrganization } from "../context";

const HOUR_MS = 60 * 60 * 1000;
/** The usual rate is measured over the week before the last event. */
const WINDOW_MS = 7 * 24 * HOUR_MS;
/** Fewer events than this in the window: too little traffic to call a quiet spell unusual. */
const MIN_EVENTS = 20;
/** Silent for this many usual gaps between events is unusual… */
const GAPS = 10;
/** …but never less than an hour, so a busy shop's lunch break is not an incident. */
const MIN_SILENCE_MS = HOUR_MS;

/**
 * `webhooks.watch`: an organization connected to Stripe that has sent nothing for much longer than its usual
 * rate predicts (a deleted endpoint, a rolled secret, a revoked connection) raises `webhooks.silence`, one
 * alert per incident. Returns the organizations found silent.
 */
export async function watchWebhooks(ctx: Ctx): Promise<{ silent: string[] }> {
  const now = ctx.now().getTime();
  const silent: string[] = [];
  for (const activity of await selectWebhookActivity(ctx.db, WINDOW_MS)) {
    if (activity.eventsInWindow < MIN_EVENTS) continue;
    const usualGapMs = WINDOW_MS / activity.eventsInWindow;
    const thresholdMs = Math.max(MIN_SILENCE_MS, GAPS * usualGapMs);
    const silentMs = now - activity.lastReceivedAt.getTime();
    if (silentMs <= thresholdMs) continue;
    silent.push(activity.organizationId);
    const hours = Math.round((silentMs / HOUR_MS) * 10) / 10;
    await raiseAlert(withOrganization(ctx, activity.organizationId), {
      kind: "webhooks.silence",
      severity: "warning",
      dedupeKey: "webhooks.silence",
      title: `No Stripe events for ${hours} h`,
      body:
        `Stripe has sent no event for ${hours} hours; it usually sends one every ` +
        `${Math.max(1, Math.round(usualGapMs / 60_000))} minutes. Payments made meanwhile are not scored. ` +
        "Check the webhook endpoint in the Stripe dashboard (disabled, deleted, or its secret rolled) and the Stripe connection in Orylo's settings.",
    });
  }
  return { silent };
}
