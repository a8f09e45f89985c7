import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organization } from "../schema";

const columns = {
  id: organization.id,
  name: organization.name,
  timeZone: organization.timeZone,
  reportingCurrency: organization.reportingCurrency,
  locale: organization.locale,
  settings: organization.settings,
  stripeAccountId: organization.stripeAccountId,
};
export async function findOrganization(db: Executor, id: string) {
  const [row] = await db.select(columns).from(organization).where(eq(organization.id, id));
  return row;
}

export async function findOrganizationByStripeAccount(db: Executor, stripeAccountId: string) {
  const [row] = await db
    .select(columns)
    .from(organization)
    .where(eq(organization.stripeAccountId, stripeAccountId));
  return row;
}

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;
