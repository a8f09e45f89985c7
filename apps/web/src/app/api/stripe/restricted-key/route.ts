import { connectWithRestrictedKey, RestrictedKeyInput } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { memberRoute } from "@/server/http/route";

// POST /api/stripe/restricted-key — connect with a pasted restricted key (and optionally a webhook secret)
export const POST = memberRoute("configure", async (ctx, request, _params, runtime) => {
  const input = await readJson(request, RestrictedKeyInput);
  const connection = await connectWithRestrictedKey(ctx, runtime.stripe, {
    input,
    publicUrl: runtime.config.publicUrl,
  });
  return Response.json(connection, { status: 201 });
});
