import type { OrgCtx } from "../../context";
import { markStripeDisconnected } from "../../stripe/connect/disconnect-stripe";

/** `account.application.deauthorized`: the merchant removed Orylo in Stripe; processing stops, history stays. */
export async function handleDeauthorizedEvent(ctx: OrgCtx): Promise<null> {
  await markStripeDisconnected(ctx, "deauthorized");
  return null;
}
