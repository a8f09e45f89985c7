import { selectSuggestions } from "@orylo/db";
import type { OrgCtx } from "../context";
import { pageWindow, toPage } from "../pagination";
import { ListSuggestionsQuery, type SuggestionList, toSuggestionView } from "./suggestion-schemas";

/** `GET /api/v1/suggestions`: newest first, pending by default, one page at a time. */
export async function listSuggestions(
  ctx: OrgCtx,
  input: ListSuggestionsQuery = {},
): Promise<SuggestionList> {
  const query = ListSuggestionsQuery.parse(input);
  const rows = await selectSuggestions(ctx.db, {
    organizationId: ctx.organizationId,
    status: query.status,
    kind: query.kind,
    ...pageWindow(query),
  });
  return toPage(rows, query.limit, toSuggestionView);
}
