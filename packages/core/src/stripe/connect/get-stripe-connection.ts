import { backfillStatus, findStripeConnection, listStripeBackfills, stripeConnectionMethod } from "@orylo/db";
import { z } from "zod";
import type { OrgCtx } from "../../context";
import type { StripeAccess } from "../stripe-access";

export const StripeConnectionView = z
  .object({
    connected: z.boolean(),
    method: z.enum(stripeConnectionMethod.enumValues).nullable(),
    stripeAccountId: z.string().nullable(),
    livemode: z.boolean().nullable(),
    connectedAt: z.iso.datetime().nullable(),
    disconnectedAt: z.iso.datetime().nullable(),
    /** Whether Connect OAuth is offered (STRIPE_CONNECT_CLIENT_ID and STRIPE_SECRET_KEY are set). */
    oauthAvailable: z.boolean(),
    /** Whether actions on Stripe are sent (false: dry runs or switched off installation-wide). */
    actionsEnabled: z.boolean(),
    backfill: z.array(
      z.object({
        resource: z.string(),
        status: z.enum(backfillStatus.enumValues),
        imported: z.number().int(),
        lastError: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "StripeConnection" });
export type StripeConnectionView = z.infer<typeof StripeConnectionView>;

/** `GET /api/stripe/connection`: how the organization reaches Stripe and how far its history import got. */
export async function getStripeConnection(
  orgCtx: OrgCtx,
  access: StripeAccess,
): Promise<StripeConnectionView> {
  const connection = await findStripeConnection(orgCtx.db, orgCtx.organizationId);
  const backfill = await listStripeBackfills(orgCtx.db, orgCtx.organizationId);
  return {
    connected: !!connection && !connection.disconnectedAt,
    method: connection?.method ?? null,
    stripeAccountId: connection?.stripeAccountId ?? null,
    livemode: connection?.livemode ?? null,
    connectedAt: connection?.connectedAt.toISOString() ?? null,
    disconnectedAt: connection?.disconnectedAt?.toISOString() ?? null,
    oauthAvailable: !!access.connectClientId && !!access.platformKey,
    actionsEnabled: access.actionsEnabled,
    backfill: backfill.map((b) => ({
      resource: b.resource,
      status: b.status,
      imported: b.imported,
      lastError: b.lastError,
    })),
  };
}
