import { findOrganization, findOrganizationEndpoint, findStripeConnection } from "@orylo/db";
import type { OrgCtx } from "../context";

/**
 * Can payments reach this organization yet: it owns the platform account's events, is a Connect account,
 * has a live Stripe connection or its own (demo or restricted-key) endpoint. False: onboarding is unfinished.
 */
export async function hasEventSource(ctx: OrgCtx, defaultOrganizationId: string | null): Promise<boolean> {
  if (ctx.organizationId === defaultOrganizationId) return true;
  const [organization, connection, endpoint] = await Promise.all([
    findOrganization(ctx.db, ctx.organizationId),
    findStripeConnection(ctx.db, ctx.organizationId),
    findOrganizationEndpoint(ctx.db, ctx.organizationId, ctx.now()),
  ]);
  return !!organization?.stripeAccountId || (!!connection && !connection.disconnectedAt) || !!endpoint;
}
