import { selectOrganizationIds } from "@orylo/db";
import { type Ctx, type OrgCtx, withOrganization } from "../context";

/**
 * A scheduled task's work for every organization, one after the other. One organization's failure does not
 * starve the others: it is logged with its id and the rest still run; then the run fails, naming how many
 * failed, so the host retries it and the jobs list shows it (the work is idempotent per organization).
 */
export async function forEachOrganization<T>(ctx: Ctx, work: (ctx: OrgCtx) => Promise<T>): Promise<T[]> {
  const organizationIds = await selectOrganizationIds(ctx.db);
  const results: T[] = [];
  const failed: string[] = [];
  for (const organizationId of organizationIds) {
    try {
      results.push(await work(withOrganization(ctx, organizationId)));
    } catch (error) {
      failed.push(organizationId);
      ctx.logger.error({ err: error, organizationId }, "scheduled work failed for one organization");
    }
  }
  if (failed.length > 0)
    throw new Error(
      `${failed.length} of ${organizationIds.length} organizations failed (${failed.join(", ")}); the others are done`,
    );
  return results;
}
