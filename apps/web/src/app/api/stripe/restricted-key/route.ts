import { connectWithRestrictedKey, RestrictedKeyInput } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { sessionRoute } from "@/server/http/route";

// POST /api/stripe/restricted-key — connect with a pasted restricted key (and optionally a webhook secret)
export const POST = sessionRoute(async (ctx, identity, request, _params, runtime) => {
  const input = await readJson(request, RestrictedKeyInput);
  const connection = await connectWithRestrictedKey(ctx, runtime.stripe, {
    identity,
    input,
    publicUrl: runtime.config.publicUrl,
  });
  return Response.json(connection, { status: 201 });
});
