import { authorizeMember, type Ctx, type MemberCtx, type Permission, UnauthorizedError } from "@orylo/core";
import { requestContext } from "../request-context";
import { getRuntime } from "../runtime";

/**
 * The signed-in member's organization context, from a request's session cookie: every dashboard page,
 * server action and dashboard route starts here, so each query is scoped to the session's organization and
 * each role is checked by `authorizeMember`. No session → `UnauthorizedError`.
 */
export async function memberContext(
  requestHeaders: Headers,
  permission: Permission,
  base?: Omit<Ctx, "actor">,
): Promise<MemberCtx> {
  const runtime = await getRuntime();
  const session = await runtime.auth.api.getSession({ headers: requestHeaders });
  if (!session) throw new UnauthorizedError("Sign in first.");
  return authorizeMember(
    { ...(base ?? requestContext(runtime)), actor: { type: "user", userId: session.user.id } },
    {
      userId: session.user.id,
      organizationId: session.session.activeOrganizationId ?? null,
      permission,
    },
  );
}
