import { findMemberRole } from "@orylo/db";
import { type Ctx, type OrgCtx, withOrganization } from "../../context";
import { ForbiddenError, UnauthorizedError } from "../../errors";

/** Who is signed in, from the better-auth session. */
export interface SessionIdentity {
  userId: string;
  sessionId: string;
  /** The session's active organization; null = the first the user joined. */
  organizationId: string | null;
}

const CONNECTING_ROLES = new Set(["owner", "admin"]);

/** Any member may see how the organization is connected. */
export async function requireMember(ctx: Ctx, identity: SessionIdentity): Promise<OrgCtx> {
  return memberContext(ctx, identity, false);
}

/** Connecting or disconnecting Stripe is for an organization's owners and admins. */
export async function requireStripeAdmin(ctx: Ctx, identity: SessionIdentity): Promise<OrgCtx> {
  return memberContext(ctx, identity, true);
}

async function memberContext(ctx: Ctx, identity: SessionIdentity, admin: boolean): Promise<OrgCtx> {
  const membership = await findMemberRole(ctx.db, identity.userId, identity.organizationId);
  if (!membership) throw new UnauthorizedError("Sign in to an organization first.");
  if (admin && !CONNECTING_ROLES.has(membership.role)) {
    throw new ForbiddenError(`Only an owner or admin may connect Stripe; you are ${membership.role}.`);
  }
  return withOrganization(
    { ...ctx, actor: { type: "user", userId: identity.userId } },
    membership.organizationId,
  );
}
