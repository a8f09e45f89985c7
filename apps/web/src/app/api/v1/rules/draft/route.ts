import { DraftRuleInput, draftRule } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/rules/draft — a sentence (fr/en) → a compiled rule, its reading and its 90-day backtest; saves nothing
export const POST = apiRoute(async (ctx, request, _params, runtime) => {
  return Response.json(await draftRule(ctx, runtime.ai, await readJson(request, DraftRuleInput)));
});
