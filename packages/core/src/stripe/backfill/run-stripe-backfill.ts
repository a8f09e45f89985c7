import {
  type BackfillResource,
  failStripeBackfill,
  findOrganization,
  listStripeBackfills,
  saveStripeBackfillPage,
} from "@orylo/db";
import type Stripe from "stripe";
import type { OrgCtx } from "../../context";
import { UnavailableError } from "../../errors";
import { parseOrganizationSettings } from "../../organizations/organization-settings";
import { type StripeAccess, stripeForOrganization } from "../stripe-access";
import { BACKFILL_RESOURCES, type BackfillSource } from "./backfill-resources";

const PAGE_SIZE = 100;
const RATE_LIMIT_RETRIES = 5;

export interface BackfillOptions {
  /** First wait after a 429, doubled each time (Stripe's advice: exponential backoff). */
  backoffMs?: number;
}

/**
 * `stripe.backfill`: imports each resource still `running`, page by page from its saved cursor, each page
 * stored with its new cursor in one transaction, so a crash or a retry resumes after the last stored page.
 * A 429 waits and retries; a permission the key lacks fails that resource with the permission to grant; any
 * other error is left to the task's retry.
 */
export async function runStripeBackfill(
  ctx: OrgCtx,
  access: StripeAccess,
  options: BackfillOptions = {},
): Promise<Record<BackfillResource, number>> {
  const rows = await listStripeBackfills(ctx.db, ctx.organizationId);
  const imported = { charges: 0, disputes: 0, early_fraud_warnings: 0 };
  const client = await stripeForOrganization(ctx, access);
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (!organization) return imported;
  const settings = parseOrganizationSettings(organization);
  for (const source of BACKFILL_RESOURCES) {
    const row = rows.find((r) => r.resource === source.resource);
    if (row?.status !== "running") continue;
    if (!client) {
      await failStripeBackfill(
        ctx.db,
        ctx.organizationId,
        source.resource,
        "No Stripe credentials to read history with.",
      );
      continue;
    }
    const window = {
      gte: Math.floor(row.createdFrom.getTime() / 1000),
      lt: Math.floor(row.createdBefore.getTime() / 1000),
    };
    let cursor = row.cursor;
    for (;;) {
      const params = { created: window, limit: PAGE_SIZE, ...(cursor ? { starting_after: cursor } : {}) };
      const page = await listWithBackoff(
        ctx,
        source,
        client.stripe,
        params,
        client.options,
        options.backoffMs ?? 1000,
      );
      if (page === "forbidden") {
        await failStripeBackfill(
          ctx.db,
          ctx.organizationId,
          source.resource,
          `The Stripe key lacks the ${source.readPermission} permission: grant it and reconnect to import this history.`,
        );
        break;
      }
      cursor = page.data.at(-1)?.id ?? cursor;
      await ctx.db.transaction(async (tx) => {
        for (const object of page.data) await source.store({ ...ctx, db: tx }, object, settings);
        await saveStripeBackfillPage(tx, ctx.organizationId, source.resource, {
          cursor,
          stored: page.data.length,
          done: !page.has_more,
        });
      });
      imported[source.resource] += page.data.length;
      if (!page.has_more) break;
    }
  }
  ctx.logger.info({ imported }, "stripe history imported");
  return imported;
}

async function listWithBackoff(
  ctx: OrgCtx,
  source: BackfillSource,
  stripe: Stripe,
  params: Parameters<BackfillSource["list"]>[1],
  requestOptions: Stripe.RequestOptions,
  backoffMs: number,
): Promise<Stripe.ApiList<{ id: string }> | "forbidden"> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await source.list(stripe, params, requestOptions);
    } catch (error) {
      const type = (error as { type?: unknown }).type;
      if (type === "StripePermissionError") return "forbidden";
      if (type !== "StripeRateLimitError") throw error;
      if (attempt >= RATE_LIMIT_RETRIES) {
        throw new UnavailableError(
          "Stripe keeps rate-limiting the history import; the task will resume later.",
          error,
        );
      }
      const delay = backoffMs * 2 ** attempt * (1 + Math.random() / 4);
      ctx.logger.warn({ resource: source.resource, attempt, delay }, "rate limited by Stripe; backing off");
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
