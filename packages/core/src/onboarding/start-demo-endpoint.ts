import { findOrganizationEndpoint, findStripeConnection, insertWebhookEndpoint } from "@orylo/db";
import { decryptSecret, encryptSecret, generateId, randomString } from "@orylo/platform";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { OrgCtx } from "../context";
import { InvalidRequestError } from "../errors";
import type { StripeAccess } from "../stripe/stripe-access";

export const DemoEndpoint = z.object({
  endpointId: z.string(),
  webhookUrl: z.string(),
  /** The endpoint's signing secret: `bun run simulate --endpoint … --secret …` signs the demo traffic with it. */
  signingSecret: z.string(),
});
export type DemoEndpoint = z.infer<typeof DemoEndpoint>;

const webhookUrl = (publicUrl: string, endpointId: string) =>
  `${publicUrl}/api/webhooks/stripe/${endpointId}`;

/** The organization's demo endpoint, if it started with demo data and has not connected Stripe since. */
export async function findDemoEndpoint(
  ctx: OrgCtx,
  access: Pick<StripeAccess, "keyring">,
  { publicUrl }: { publicUrl: string },
): Promise<DemoEndpoint | null> {
  const connection = await findStripeConnection(ctx.db, ctx.organizationId);
  if (connection && !connection.disconnectedAt) return null;
  const endpoint = await findOrganizationEndpoint(ctx.db, ctx.organizationId, ctx.now());
  if (!endpoint || endpoint.stripeWebhookEndpointId) return null;
  return {
    endpointId: endpoint.id,
    webhookUrl: webhookUrl(publicUrl, endpoint.id),
    signingSecret: decryptSecret(endpoint.secretCiphertext, access.keyring),
  };
}

/**
 * "Start with demo data": the organization gets its own webhook endpoint, with a signing secret Orylo
 * generated (there is no Stripe account to generate one), so simulated Stripe traffic reaches it through the
 * real webhook path. Asking again returns the same endpoint; an organization connected to Stripe has no demo.
 */
export async function startDemoEndpoint(
  ctx: OrgCtx,
  access: Pick<StripeAccess, "keyring">,
  { publicUrl }: { publicUrl: string },
): Promise<DemoEndpoint> {
  const connection = await findStripeConnection(ctx.db, ctx.organizationId);
  if (connection && !connection.disconnectedAt)
    throw new InvalidRequestError("This organization is connected to Stripe: its own events are the data.");
  const existing = await findDemoEndpoint(ctx, access, { publicUrl });
  if (existing) return existing;
  const endpointId = generateId("we");
  const signingSecret = `whsec_${randomString(32)}`;
  await ctx.db.transaction(async (tx) => {
    await insertWebhookEndpoint(
      tx,
      { id: endpointId, organizationId: ctx.organizationId, stripeWebhookEndpointId: null, livemode: false },
      [{ id: generateId("whs"), secretCiphertext: encryptSecret(signingSecret, access.keyring) }],
    );
    const target = { type: "webhook_endpoint", id: endpointId };
    await recordAudit(ctx, { action: "webhook_endpoint.created", target, data: { demo: true } }, tx);
  });
  ctx.logger.info({ endpointId }, "demo endpoint created");
  return { endpointId, webhookUrl: webhookUrl(publicUrl, endpointId), signingSecret };
}
