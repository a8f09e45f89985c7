import { countRuleOutcomes, findRecommendation, selectRecommendations } from "@orylo/db";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import { pageWindow, toPage } from "../pagination";
import {
  ListRecommendationsQuery,
  type RecommendationDetail,
  type RecommendationList,
  toRecommendationView,
} from "./recommendation-schemas";

/** `GET /api/v1/recommendations`: newest first, optionally by status, keyset-paged. */
export async function listRecommendations(
  ctx: OrgCtx,
  query: ListRecommendationsQuery,
): Promise<RecommendationList> {
  const { status, ...page } = ListRecommendationsQuery.parse(query);
  const rows = await selectRecommendations(ctx.db, {
    organizationId: ctx.organizationId,
    ...(status ? { status } : {}),
    ...pageWindow(page),
  });
  return toPage(rows, page.limit, toRecommendationView);
}

/** One recommendation; once applied, what its rule did since (hits, fraud caught, legitimate payments hit). */
export async function getRecommendation(ctx: OrgCtx, id: string): Promise<RecommendationDetail> {
  const row = await findRecommendation(ctx.db, ctx.organizationId, id);
  if (!row) throw new NotFoundError("recommendation", id);
  const since = row.status === "applied" && row.ruleId ? row.decidedAt : null;
  const outcomes =
    since && row.ruleId ? await countRuleOutcomes(ctx.db, ctx.organizationId, row.ruleId, since) : null;
  return {
    ...toRecommendationView(row),
    effectiveness:
      since && outcomes
        ? {
            since: since.toISOString(),
            hits: outcomes.hits,
            fraudCaught: outcomes.fraud,
            legitimateHit: outcomes.legitimate,
          }
        : null,
  };
}
