import { findOrganization, findStripeConnection, updateStripeConnection } from "@orylo/db";
import {
  type Config,
  createStripeClient,
  decryptSecret,
  encryptSecret,
  type Keyring,
  keyringFromConfig,
  needsReencryption,
  type StripeClientOverrides,
} from "@orylo/platform";
import type Stripe from "stripe";
import type { OrgCtx } from "../context";

/** What core needs to reach Stripe for an organization; built once per process from the config. */
export interface StripeAccess {
  /** STRIPE_SECRET_KEY: acts for the default organization, and for Connect accounts with `Stripe-Account`. */
  platformKey: string | null;
  /** The organization that owns the platform account's own events (the demo merchant in embedded mode). */
  defaultOrganizationId: string | null;
  connectClientId: string | null;
  /** ORYLO_ACTIONS_ENABLED: false stops every automatic action at once. */
  actionsEnabled: boolean;
  /** Decrypts stored Stripe credentials (ORYLO_ENCRYPTION_KEY and the previous keys). */
  keyring: Keyring;
  /** The real SDK for a key; tests point it at the fake Stripe server. */
  client(apiKey: string): Stripe;
}

export function stripeAccessFromConfig(
  config: Pick<Config, "stripe" | "encryption" | "defaultOrganization">,
  options: { defaultOrganizationId?: string | null; overrides?: StripeClientOverrides } = {},
): StripeAccess {
  return {
    platformKey: config.stripe.secretKey,
    defaultOrganizationId: options.defaultOrganizationId ?? config.defaultOrganization,
    connectClientId: config.stripe.connectClientId,
    actionsEnabled: config.stripe.actionsEnabled,
    keyring: keyringFromConfig(config),
    client: (apiKey) => createStripeClient(config, { ...options.overrides, apiKey }) as Stripe,
  };
}

/** A client and the request options (the connected account) every call for this organization carries. */
export interface OrganizationStripe {
  stripe: Stripe;
  options: Stripe.RequestOptions;
  via: "restricted_key" | "connect" | "platform";
}

/**
 * How Orylo reaches an organization's Stripe account: the restricted key the merchant pasted, a Connect
 * account through the platform key and `Stripe-Account`, the platform's own account for the default
 * organization, or nothing (null: dry run). A disconnected organization has none of these.
 */
export async function stripeForOrganization(
  ctx: OrgCtx,
  access: StripeAccess,
): Promise<OrganizationStripe | null> {
  const connection = await findStripeConnection(ctx.db, ctx.organizationId);
  if (
    connection?.method === "restricted_key" &&
    connection.restrictedKeyCiphertext &&
    !connection.disconnectedAt
  ) {
    const key = await readSecret(ctx, access, connection.restrictedKeyCiphertext);
    return { stripe: access.client(key), options: {}, via: "restricted_key" };
  }
  if (!access.platformKey) return null;
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (organization?.stripeAccountId) {
    return {
      stripe: access.client(access.platformKey),
      options: { stripeAccount: organization.stripeAccountId },
      via: "connect",
    };
  }
  if (ctx.organizationId === access.defaultOrganizationId) {
    return { stripe: access.client(access.platformKey), options: {}, via: "platform" };
  }
  return null;
}

/**
 * Decrypts a stored credential (bound to the organization); one encrypted with a retired key is re-encrypted
 * with the current one on the way, so rotating ORYLO_ENCRYPTION_KEY needs no migration step.
 */
async function readSecret(ctx: OrgCtx, access: StripeAccess, ciphertext: string): Promise<string> {
  const secret = decryptSecret(ciphertext, access.keyring, ctx.organizationId);
  if (needsReencryption(ciphertext, access.keyring)) {
    await updateStripeConnection(ctx.db, ctx.organizationId, {
      restrictedKeyCiphertext: encryptSecret(secret, access.keyring, ctx.organizationId),
    });
    ctx.logger.info("stripe key re-encrypted with the current encryption key");
  }
  return secret;
}
