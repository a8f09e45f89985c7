import { countRuleOutcomes, findRecommendation, selectRecommendations } from "@orylo/db";
import type { OrgCtx } from "../context";
import { InvalidRequestError, NotFoundError } from "../errors";
import { type KeysetPosition, pageWindow, toPage } from "../pagination";
import {
  ListRecommendationsQuery,
  type RecommendationDetail,
  type RecommendationList,
  toRecommendationView,
} from "./recommendation-schemas";

/** `GET /api/v1/recommendations`: newest first and a run's best first, optionally by status, keyset-paged. */
export async function listRecommendations(
  ctx: OrgCtx,
  query: ListRecommendationsQuery,
): Promise<RecommendationList> {
  const { status, ...page } = ListRecommendationsQuery.parse(query);
  const { before, limit } = pageWindow(page);
  const rows = await selectRecommendations(ctx.db, {
    organizationId: ctx.organizationId,
    ...(status ? { status } : {}),
    before: before && ranked(before),
    limit,
  });
  return toPage(rows, page.limit, toRecommendationView);
}

function ranked({ createdAt, rank, id }: KeysetPosition) {
  if (rank === undefined)
    throw new InvalidRequestError("`cursor` is not a cursor of this list: pass `nextCursor` back unchanged.");
  return { createdAt, rank, id };
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
