import { createHash } from "node:crypto";
import { insertOauthState } from "@orylo/db";
import { randomString } from "@orylo/platform";
import type { Ctx } from "../../context";
import { InvalidRequestError } from "../../errors";
import { authorizeMember } from "../../members/authorize-member";
import type { StripeAccess } from "../stripe-access";

/** Who is signed in, from the better-auth session: Connect OAuth binds its state to this very session. */
export interface SessionIdentity {
  userId: string;
  sessionId: string;
  /** The session's active organization; null = the first the user joined. */
  organizationId: string | null;
}

/** Long enough to sign in to Stripe and choose an account, short enough that a leaked URL soon dies. */
export const OAUTH_STATE_TTL_MS = 15 * 60_000;

export function hashOauthState(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex");
}

export function connectCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/api/stripe/connect/callback`;
}

/** Connect OAuth needs the platform's client id and secret key. */
export function requireConnect(access: StripeAccess): { clientId: string; platformKey: string } {
  if (!access.connectClientId || !access.platformKey) {
    throw new InvalidRequestError(
      "Stripe Connect is not configured: set STRIPE_CONNECT_CLIENT_ID and STRIPE_SECRET_KEY, or connect with a restricted key.",
    );
  }
  return { clientId: access.connectClientId, platformKey: access.platformKey };
}

/**
 * Step 1 of Connect OAuth: a random state (256 bits), stored hashed with the session, user and organization
 * it belongs to, and the Stripe authorization URL that carries it.
 */
export async function startStripeConnect(
  ctx: Ctx,
  access: StripeAccess,
  { identity, publicUrl }: { identity: SessionIdentity; publicUrl: string },
): Promise<{ url: string; expiresAt: string }> {
  const { clientId, platformKey } = requireConnect(access);
  const orgCtx = await authorizeMember(ctx, { ...identity, permission: "configure" });
  const state = randomString(43);
  const expiresAt = new Date(ctx.now().getTime() + OAUTH_STATE_TTL_MS);
  await insertOauthState(ctx.db, {
    stateHash: hashOauthState(state),
    organizationId: orgCtx.organizationId,
    userId: identity.userId,
    sessionId: identity.sessionId,
    expiresAt,
  });
  const url = access.client(platformKey).oauth.authorizeUrl({
    response_type: "code",
    client_id: clientId,
    scope: "read_write",
    state,
    redirect_uri: connectCallbackUrl(publicUrl),
  });
  return { url, expiresAt: expiresAt.toISOString() };
}
