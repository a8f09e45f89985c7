import { ValidateRuleInput, validateRule } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/rules/validate — compile a rule without saving it: its canonical text, or every error
export const POST = apiRoute(
  async (_ctx, request) => {
    return Response.json(validateRule(await readJson(request, ValidateRuleInput)));
  },
  { scope: "read" },
);
