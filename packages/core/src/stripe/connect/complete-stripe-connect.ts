import {
  consumeOauthState,
  findOrganizationByStripeAccount,
  setOrganizationStripeAccount,
  upsertStripeConnection,
} from "@orylo/db";
import { encryptSecret, track } from "@orylo/platform";
import { z } from "zod";
import { recordAudit } from "../../audit/record-audit";
import type { Ctx } from "../../context";
import { ConflictError, InvalidRequestError } from "../../errors";
import { authorizeMember } from "../../members/authorize-member";
import { requestStripeBackfill } from "../backfill/request-stripe-backfill";
import type { StripeAccess } from "../stripe-access";
import { hashOauthState, requireConnect, type SessionIdentity } from "./start-stripe-connect";

export const ConnectCallbackQuery = z.object({
  state: z.string().min(1).optional(),
  code: z.string().min(1).optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
export type ConnectCallbackQuery = z.infer<typeof ConnectCallbackQuery>;

const badState = () =>
  new InvalidRequestError(
    "This Stripe connection link is invalid, already used or expired: start again from Settings.",
  );

/**
 * Step 2 of Connect OAuth, Stripe's redirect back. The state must exist, be unused (it is burned here, even
 * when a later check fails), unexpired, and belong to this very session and user, who must still be an owner
 * or admin of the organization it names. Only then is the code exchanged; the tokens are stored encrypted,
 * Connect events start routing to the organization, and the last 90 days are imported.
 */
export async function completeStripeConnect(
  ctx: Ctx,
  access: StripeAccess,
  { identity, query }: { identity: SessionIdentity; query: ConnectCallbackQuery },
): Promise<{ organizationId: string; stripeAccountId: string }> {
  const { platformKey } = requireConnect(access);
  if (!query.state) throw badState();
  const now = ctx.now();
  const state = await consumeOauthState(ctx.db, hashOauthState(query.state), now);
  if (!state || state.expiresAt <= now) throw badState();
  if (state.userId !== identity.userId || state.sessionId !== identity.sessionId) throw badState();
  const orgCtx = await authorizeMember(ctx, {
    userId: identity.userId,
    organizationId: state.organizationId,
    permission: "configure",
  });
  if (query.error || !query.code) {
    throw new InvalidRequestError(
      `Stripe did not connect the account: ${query.error_description ?? query.error ?? "no code"}.`,
    );
  }

  const token = await access
    .client(platformKey)
    .oauth.token({ grant_type: "authorization_code", code: query.code })
    .catch((error: unknown) => {
      throw new InvalidRequestError(`Stripe refused the authorization: ${(error as Error).message}`);
    });
  const stripeAccountId = token.stripe_user_id;
  if (!stripeAccountId) throw new InvalidRequestError("Stripe answered without an account id.");
  const owner = await findOrganizationByStripeAccount(ctx.db, stripeAccountId);
  if (owner && owner.id !== orgCtx.organizationId) {
    throw new ConflictError("This Stripe account is already connected to another Orylo organization.");
  }
  const keyring = access.keyring;
  const encrypt = (value: string | undefined) =>
    value ? encryptSecret(value, keyring, orgCtx.organizationId) : null;
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...orgCtx, db: tx };
    await upsertStripeConnection(tx, {
      organizationId: orgCtx.organizationId,
      method: "oauth",
      stripeAccountId,
      livemode: token.livemode ?? false,
      scope: token.scope ?? null,
      accessTokenCiphertext: encrypt(token.access_token),
      refreshTokenCiphertext: encrypt(token.refresh_token),
      restrictedKeyCiphertext: null,
      webhookEndpointId: null,
      connectedBy: identity.userId,
      connectedAt: now,
    });
    await setOrganizationStripeAccount(tx, orgCtx.organizationId, stripeAccountId);
    await requestStripeBackfill(txCtx, now);
    await recordAudit(txCtx, {
      action: "stripe.connected",
      target: { type: "stripe_account", id: stripeAccountId },
      data: { method: "oauth", livemode: token.livemode ?? false },
    });
  });
  orgCtx.logger.info({ stripeAccountId }, "stripe account connected (oauth)");
  track(orgCtx, "stripe_connected", { method: "oauth" });
  return { organizationId: orgCtx.organizationId, stripeAccountId };
}
