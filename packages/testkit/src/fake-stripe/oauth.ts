import { randomBytes } from "node:crypto";
import { stripeErrors } from "./errors";
import { type FormObject, stringField } from "./form";

export interface OAuthGrant {
  stripeUserId: string;
  livemode?: boolean;
  scope?: "read_write" | "read_only";
}

interface OAuthState {
  codes: Map<string, OAuthGrant>;
  keys: Map<string, { account: string; permissions: "all" | Set<string> }>;
  connected: Set<string>;
  now: () => number;
}

const token = (prefix: string) => `${prefix}${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;

/**
 * `connect.stripe.com/oauth/token` and `/oauth/deauthorize` (the SDK sends both to the same host when it is
 * overridden). A code is single-use; errors use OAuth's shape (`error`, `error_description`).
 */
export function handleOAuth(path: string, form: FormObject, state: OAuthState): Record<string, unknown> {
  if (path === "/oauth/token") {
    const grantType = stringField(form, "grant_type");
    if (grantType !== "authorization_code") {
      throw stripeErrors.oauth("unsupported_grant_type", `Unsupported grant type: ${grantType}`);
    }
    const code = stringField(form, "code") ?? "";
    const grant = state.codes.get(code);
    if (!grant) throw stripeErrors.oauth("invalid_grant", `Authorization code does not exist: ${code}`);
    state.codes.delete(code);
    state.connected.add(grant.stripeUserId);
    const livemode = grant.livemode ?? false;
    const accessToken = token(livemode ? "sk_live_" : "sk_test_");
    state.keys.set(accessToken, { account: grant.stripeUserId, permissions: "all" });
    return {
      access_token: accessToken,
      refresh_token: token("rt_"),
      token_type: "bearer",
      stripe_publishable_key: token(livemode ? "pk_live_" : "pk_test_"),
      stripe_user_id: grant.stripeUserId,
      scope: grant.scope ?? "read_write",
      livemode,
    };
  }
  if (path === "/oauth/deauthorize") {
    const account = stringField(form, "stripe_user_id") ?? "";
    if (!state.connected.delete(account)) {
      throw stripeErrors.oauth(
        "invalid_client",
        `This application is not connected to stripe account ${account}, or that account does not exist.`,
      );
    }
    return { stripe_user_id: account };
  }
  throw stripeErrors.oauth("invalid_request", `Unknown OAuth endpoint ${path}`);
}
