import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { member, organization } from "../schema";

/**
 * A user's membership with what the dashboard needs of its organization. Without `organizationId`, the
 * oldest membership (a session that has not picked an organization yet).
 */
export async function findMembership(db: Executor, userId: string, organizationId?: string | null) {
  const [row] = await db
    .select({
      organizationId: member.organizationId,
      role: member.role,
      name: organization.name,
      timeZone: organization.timeZone,
      reportingCurrency: organization.reportingCurrency,
      locale: organization.locale,
      isDemo: organization.isDemo,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(
      organizationId
        ? and(eq(member.userId, userId), eq(member.organizationId, organizationId))
        : eq(member.userId, userId),
    )
    .orderBy(asc(member.createdAt))
    .limit(1);
  return row;
}
export type MembershipRow = NonNullable<Awaited<ReturnType<typeof findMembership>>>;
