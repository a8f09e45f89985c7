import { BacktestInput, backtestRuleSet } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/rules/backtest — replay stored payments through rule texts or saved rules, against the labels
export const POST = apiRoute(
  async (ctx, request) => {
    return Response.json(await backtestRuleSet(ctx, await readJson(request, BacktestInput)));
  },
  { scope: "read" },
);
