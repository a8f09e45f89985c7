import { CreateRuleInput, createRule, listRules } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/rules — create a rule from its text (400 with line, column and a suggestion when it does not compile)
export const POST = apiRoute(async (ctx, request) => {
  const input = await readJson(request, CreateRuleInput);
  return Response.json(await createRule(ctx, input), { status: 201 });
});

// GET /api/v1/rules — the organization's rules, highest priority first
export const GET = apiRoute(async (ctx) => {
  return Response.json(await listRules(ctx));
});
