import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { account, member, organization, user } from "../schema";

/** The demo merchant's rows, created once and found again at every boot by their fixed slug and email. */
export async function findOrganizationBySlug(db: Executor, slug: string) {
  const [row] = await db
    .select({ id: organization.id })
    .from(organization)
    .where(eq(organization.slug, slug));
  return row;
}

export async function insertOrganization(db: Executor, row: typeof organization.$inferInsert): Promise<void> {
  await db.insert(organization).values(row).onConflictDoNothing({ target: organization.slug });
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return row;
}

export async function insertUser(db: Executor, row: typeof user.$inferInsert): Promise<void> {
  await db.insert(user).values(row).onConflictDoNothing({ target: user.email });
}

/** Sets the credential (email + password) account of a user, as better-auth's email sign-in reads it. */
export async function upsertCredentialAccount(
  db: Executor,
  { id, userId, passwordHash }: { id: string; userId: string; passwordHash: string },
): Promise<void> {
  const [existing] = await db
    .select({ id: account.id })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
  if (existing) {
    await db
      .update(account)
      .set({ password: passwordHash, updatedAt: new Date() })
      .where(eq(account.id, existing.id));
    return;
  }
  await db
    .insert(account)
    .values({ id, accountId: userId, providerId: "credential", userId, password: passwordHash });
}

export async function ensureMember(
  db: Executor,
  row: { id: string; organizationId: string; userId: string; role: string },
): Promise<void> {
  const [existing] = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, row.organizationId), eq(member.userId, row.userId)));
  if (!existing) await db.insert(member).values(row);
}
