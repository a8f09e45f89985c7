import { and, asc, eq, gt } from "drizzle-orm";
import type { Executor } from "../client";
import { invitation, member, user } from "../schema";

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
