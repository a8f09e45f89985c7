import {
  disableWebhookEndpoint,
  findStripeConnection,
  setOrganizationStripeAccount,
  updateStripeConnection,
} from "@orylo/db";
import { recordAudit } from "../../audit/record-audit";
import type { OrgCtx } from "../../context";
import type { StripeAccess } from "../stripe-access";

/**
 * Stops processing for the organization and keeps its history: Connect events stop routing to it, its own
 * webhook endpoint stops accepting events, its credentials are no longer used. `reason` is recorded.
 */
export async function markStripeDisconnected(
  ctx: OrgCtx,
  reason: "merchant" | "deauthorized",
): Promise<void> {
  const connection = await findStripeConnection(ctx.db, ctx.organizationId);
  const now = ctx.now();
  await setOrganizationStripeAccount(ctx.db, ctx.organizationId, null);
  if (connection && !connection.disconnectedAt) {
    await updateStripeConnection(ctx.db, ctx.organizationId, {
      disconnectedAt: now,
      disconnectReason: reason,
      accessTokenCiphertext: null,
      refreshTokenCiphertext: null,
      restrictedKeyCiphertext: null,
    });
  }
  if (connection?.webhookEndpointId)
    await disableWebhookEndpoint(ctx.db, ctx.organizationId, connection.webhookEndpointId, now);
  await recordAudit(ctx, {
    action: "stripe.disconnected",
    target: { type: "stripe_account", id: connection?.stripeAccountId ?? ctx.organizationId },
    data: { reason },
  });
  ctx.logger.info({ reason }, "stripe disconnected");
}

/**
 * The merchant disconnects from Orylo's settings: an OAuth connection is deauthorized at Stripe first (an
 * account Stripe already forgot is fine), then processing stops. History is kept.
 */
export async function disconnectStripe(
  orgCtx: OrgCtx,
  access: StripeAccess,
): Promise<{ disconnected: true }> {
  const connection = await findStripeConnection(orgCtx.db, orgCtx.organizationId);
  if (
    connection?.method === "oauth" &&
    connection.stripeAccountId &&
    access.platformKey &&
    access.connectClientId
  ) {
    await access
      .client(access.platformKey)
      .oauth.deauthorize({ client_id: access.connectClientId, stripe_user_id: connection.stripeAccountId })
      .catch((error: unknown) => {
        if ((error as { type?: unknown }).type !== "StripeInvalidClientError") throw error;
        orgCtx.logger.info("stripe had already deauthorized the account");
      });
  }
  await orgCtx.db.transaction((tx) => markStripeDisconnected({ ...orgCtx, db: tx }, "merchant"));
  return { disconnected: true };
}
