import { deleteRule, getRule, UpdateRuleInput, updateRule } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/rules/{id} — one rule with its version history
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return Response.json(await getRule(ctx, id));
});

// PATCH /api/v1/rules/{id} — change text, name, priority, mode, enabled or expiry (a new version)
export const PATCH = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await readJson(request, UpdateRuleInput);
  return Response.json(await updateRule(ctx, id, input));
});

// DELETE /api/v1/rules/{id} — delete a rule and its history
export const DELETE = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  await deleteRule(ctx, id);
  return new Response(null, { status: 204 });
});
