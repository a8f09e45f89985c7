import { and, asc, eq, gt } from "drizzle-orm";
import type { Executor } from "../client";
import { invitation, member, organization, user } from "../schema";

/** The organization's members with their name, email and role, oldest first. */
export async function selectMembers(db: Executor, organizationId: string) {
  return db
    .select({
      userId: member.userId,
      name: user.name,
      email: user.email,
      role: member.role,
      joinedAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, organizationId))
    .orderBy(asc(member.createdAt));
}

/** Invitations still waiting for an answer and not expired. */
export async function selectPendingInvitations(db: Executor, organizationId: string, now: Date) {
  return db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .where(
      and(
        eq(invitation.organizationId, organizationId),
        eq(invitation.status, "pending"),
        gt(invitation.expiresAt, now),
      ),
    )
    .orderBy(asc(invitation.createdAt));
}

/** An invitation with what its email says: the organization's name and language, and who invited. */
export async function findInvitationToSend(db: Executor, organizationId: string, invitationId: string) {
  const [row] = await db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
      organizationName: organization.name,
      locale: organization.locale,
      inviterName: user.name,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .innerJoin(user, eq(user.id, invitation.inviterId))
    .where(and(eq(invitation.organizationId, organizationId), eq(invitation.id, invitationId)));
  return row;
}
