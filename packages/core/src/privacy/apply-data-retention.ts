import { AGED_TABLES, expireAgedBatch, expirePaymentBatch, findOrganization } from "@orylo/db";
import type { OrgCtx } from "../context";
import { parseOrganizationSettings } from "../organizations/organization-settings";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * SPEC §F retention for one organization: raw Stripe payloads and customers' personal data older than its
 * `privacy.retentionDays` are dropped or pseudonymized, in batches of `batchSize` rows (each its own
 * statement, so a run holds no long lock and a crash loses nothing). Payments, detections and labels stay,
 * pseudonymized. Returns the rows changed per table; a second run the same day changes nothing.
 */
export async function applyDataRetention(
  ctx: OrgCtx,
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<Record<string, number>> {
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (!organization) return {};
  const { retentionDays } = parseOrganizationSettings(organization).privacy;
  const batch = {
    organizationId: ctx.organizationId,
    before: new Date(ctx.now().getTime() - retentionDays * DAY_MS),
    limit: batchSize,
  };
  const changed: Record<string, number> = {};
  const add = (counts: Record<string, number>) => {
    for (const [table, count] of Object.entries(counts)) changed[table] = (changed[table] ?? 0) + count;
  };
  for (;;) {
    const counts = await expirePaymentBatch(ctx.db, batch);
    add(counts);
    if ((counts.transactions ?? 0) < batchSize) break;
  }
  for (const table of AGED_TABLES) {
    for (;;) {
      const count = await expireAgedBatch(ctx.db, table, batch);
      add({ [table]: count });
      if (count < batchSize) break;
    }
  }
  if (Object.values(changed).some((count) => count > 0))
    ctx.logger.info({ changed, retentionDays }, "personal data past retention expired");
  return changed;
}
