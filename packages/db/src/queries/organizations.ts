import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organization } from "../schema";

/** The columns use cases read; joined as they are where another query brings the organization along. */
export const organizationColumns = {
  id: organization.id,
  name: organization.name,
  timeZone: organization.timeZone,
  reportingCurrency: organization.reportingCurrency,
  locale: organization.locale,
  settings: organization.settings,
  stripeAccountId: organization.stripeAccountId,
};
export async function findOrganization(db: Executor, id: string) {
  const [row] = await db.select(organizationColumns).from(organization).where(eq(organization.id, id));
  return row;
}

export async function findOrganizationByStripeAccount(db: Executor, stripeAccountId: string) {
  const [row] = await db
    .select(organizationColumns)
    .from(organization)
    .where(eq(organization.stripeAccountId, stripeAccountId));
  return row;
}

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

/** The organization's settings columns, locked until the end of the caller's transaction (read-modify-write). */
export async function lockOrganizationSettings(db: Executor, id: string) {
  const [row] = await db
    .select(organizationColumns)
    .from(organization)
    .where(eq(organization.id, id))
    .for("update");
  return row;
}

export async function updateOrganizationSettings(
  db: Executor,
  id: string,
  values: Pick<OrganizationRow, "settings" | "timeZone" | "reportingCurrency" | "locale">,
) {
  const [row] = await db
    .update(organization)
    .set(values)
    .where(eq(organization.id, id))
    .returning(organizationColumns);
  return row;
}

/** Every organization's id, for daily work done per organization (trust settlement). */
export async function selectOrganizationIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: organization.id }).from(organization).orderBy(organization.id);
  return rows.map((row) => row.id);
}
