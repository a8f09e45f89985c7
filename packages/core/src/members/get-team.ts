import { selectMembers, selectPendingInvitations } from "@orylo/db";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";

export interface Team {
  members: { userId: string; name: string; email: string; role: string; joinedAt: string }[];
  invitations: { id: string; email: string; role: string | null; expiresAt: string }[];
}

/** Who is in the organization and who is invited (the settings' team section; owners and admins see it). */
export async function getTeam(ctx: OrgCtx): Promise<Team> {
  const [members, invitations] = await Promise.all([
    selectMembers(ctx.db, ctx.organizationId),
    selectPendingInvitations(ctx.db, ctx.organizationId, ctx.now()),
  ]);
  return {
    members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}

/** An invitation that is not a pending one of this organization is a 404, before better-auth acts on it. */
export async function requirePendingInvitation(ctx: OrgCtx, invitationId: string): Promise<void> {
  const pending = await selectPendingInvitations(ctx.db, ctx.organizationId, ctx.now());
  if (!pending.some((invitation) => invitation.id === invitationId))
    throw new NotFoundError("invitation", invitationId);
}
