import { getSettings, UpdateSettingsInput, updateSettings } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/settings — thresholds, time zone, reporting currency, locale, test-mode scoring
export const GET = apiRoute(async (ctx) => {
  return Response.json(await getSettings(ctx));
});

// PATCH /api/v1/settings — change some settings; payments scored from then on use them
export const PATCH = apiRoute(async (ctx, request) => {
  const input = await readJson(request, UpdateSettingsInput);
  return Response.json(await updateSettings(ctx, input));
});
