import { insertWebhookEndpoint, upsertStripeConnection } from "@orylo/db";
import { encryptSecret, generateId, track } from "@orylo/platform";
import type Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "../../audit/record-audit";
import { describeActor, type OrgCtx } from "../../context";
import { InvalidRequestError } from "../../errors";
import { HANDLED_EVENT_TYPES } from "../../stripe-events/handlers";
import { requestStripeBackfill } from "../backfill/request-stripe-backfill";
import type { StripeAccess } from "../stripe-access";

export const RestrictedKeyInput = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^(rk|sk)_(test|live)_\w+$/, "must be a Stripe restricted key (rk_test_… or rk_live_…)"),
    webhookSecret: z
      .string()
      .trim()
      .startsWith("whsec_", "must be a webhook signing secret (whsec_…)")
      .optional()
      .meta({
        description: "The signing secret of an endpoint you created yourself; omit to let Orylo create it.",
      }),
  })
  .strict();
export type RestrictedKeyInput = z.infer<typeof RestrictedKeyInput>;

export const RestrictedKeyConnection = z.object({
  livemode: z.boolean(),
  webhookUrl: z.string().meta({ description: "Where Stripe sends this organization's events." }),
  webhookSecret: z.enum(["created", "pasted"]).meta({
    description:
      "`created`: Orylo created the endpoint with the key; `pasted`: create it in Stripe with `webhookUrl`.",
  }),
});
export type RestrictedKeyConnection = z.infer<typeof RestrictedKeyConnection>;

/** Stripe's answer to a key, as something the merchant can act on. */
function keyRefused(error: unknown, permission: string): never {
  const type = (error as { type?: unknown }).type;
  if (type === "StripeAuthenticationError")
    throw new InvalidRequestError(
      "Stripe does not accept this key: check it was copied whole and not revoked.",
    );
  if (type === "StripePermissionError")
    throw new InvalidRequestError(
      `The key lacks the ${permission} permission: grant it in Stripe, then paste the key again.`,
    );
  throw error;
}

/**
 * The restricted-key fallback: the key is checked with a harmless read (the charges Orylo imports), the
 * organization's own endpoint is created through the API (its secret stored encrypted) unless the merchant
 * pastes one, and the last 90 days are imported. Write permissions are checked when first used: an action
 * that lacks one says which to grant.
 */
export async function connectWithRestrictedKey(
  orgCtx: OrgCtx,
  access: StripeAccess,
  { input, publicUrl }: { input: RestrictedKeyInput; publicUrl: string },
): Promise<RestrictedKeyConnection> {
  const stripe = access.client(input.key);
  await stripe.charges.list({ limit: 1 }).catch((error: unknown) => keyRefused(error, "Charges: Read"));
  const livemode = input.key.includes("_live_");
  const endpointId = generateId("we");
  const webhookUrl = `${publicUrl}/api/webhooks/stripe/${endpointId}`;
  const created: Stripe.WebhookEndpoint | null = input.webhookSecret
    ? null
    : await stripe.webhookEndpoints
        .create({
          url: webhookUrl,
          enabled_events: HANDLED_EVENT_TYPES as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
          description: "Orylo fraud detection",
        })
        .catch((error: unknown) =>
          keyRefused(
            error,
            "Webhook Endpoints: Write (or paste the signing secret of an endpoint you created)",
          ),
        );
  const secret = input.webhookSecret ?? created?.secret;
  if (!secret) throw new Error("Stripe created the webhook endpoint without a secret");
  const now = orgCtx.now();
  await orgCtx.db.transaction(async (tx) => {
    await insertWebhookEndpoint(
      tx,
      {
        id: endpointId,
        organizationId: orgCtx.organizationId,
        stripeWebhookEndpointId: created?.id ?? null,
        livemode,
      },
      [{ id: generateId("whs"), secretCiphertext: encryptSecret(secret, access.keyring) }],
    );
    await upsertStripeConnection(tx, {
      organizationId: orgCtx.organizationId,
      method: "restricted_key",
      stripeAccountId: null,
      livemode,
      scope: null,
      accessTokenCiphertext: null,
      refreshTokenCiphertext: null,
      restrictedKeyCiphertext: encryptSecret(input.key, access.keyring, orgCtx.organizationId),
      webhookEndpointId: endpointId,
      connectedBy: describeActor(orgCtx.actor),
      connectedAt: now,
    });
    await requestStripeBackfill({ ...orgCtx, db: tx }, now);
    await recordAudit(
      orgCtx,
      {
        action: "stripe.connected",
        target: { type: "webhook_endpoint", id: endpointId },
        data: { method: "restricted_key", livemode, endpointCreated: !!created },
      },
      tx,
    );
  });
  orgCtx.logger.info({ endpointId, created: !!created }, "stripe connected with a restricted key");
  track(orgCtx, "stripe_connected", { method: "restricted_key" });
  return { livemode, webhookUrl, webhookSecret: created ? "created" : "pasted" };
}
