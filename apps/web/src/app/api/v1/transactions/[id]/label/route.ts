import { LabelTransactionInput, labelTransaction } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/transactions/{id}/label — the merchant marks a payment (our id or its charge id) fraud or legitimate
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await readJson(request, LabelTransactionInput);
  return Response.json(await labelTransaction(ctx, id, input));
});
