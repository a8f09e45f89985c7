import { findMembership } from "@orylo/db";
import type { Ctx, OrgCtx } from "../context";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { type Permission, type Role, roleAllows } from "./roles";

export interface MemberCtx extends OrgCtx {
  role: Role | string;
  organization: {
    name: string;
    timeZone: string;
    reportingCurrency: string;
    locale: string;
    isDemo: boolean;
  };
}

/**
 * Turns a signed-in user into an organization context, or refuses: no membership in the session's
 * organization → 401 (sign in again), a role without `permission` → 403. Dashboard pages and server
 * actions all come through here, so roles are enforced in one place.
 */
export async function authorizeMember(
  ctx: Ctx,
  input: { userId: string; organizationId: string | null; permission: Permission },
): Promise<MemberCtx> {
  const membership = await findMembership(ctx.db, input.userId, input.organizationId);
  if (!membership) throw new UnauthorizedError("This account belongs to no organization.");
  if (!roleAllows(membership.role, input.permission)) {
    throw new ForbiddenError(`The ${membership.role} role may not ${input.permission}.`);
  }
  const { organizationId, role, ...organization } = membership;
  return {
    ...ctx,
    actor: { type: "user", userId: input.userId },
    organizationId,
    logger: ctx.logger.child({ organizationId }),
    role,
    organization,
  };
}
