import { z } from "zod";
import { InvalidRequestError } from "./errors";

/**
 * A position in a list ordered newest first by (createdAt, id): stable while new rows keep arriving. A list
 * whose rows are made together in a ranked run (recommendations) orders them by `rank` between the two.
 */
export interface KeysetPosition {
  createdAt: Date;
  rank?: number;
  id: string;
}

const Position = z.union([
  z.tuple([z.iso.datetime(), z.string().min(1)]),
  z.tuple([z.iso.datetime(), z.number().int(), z.string().min(1)]),
]);

/** The paging fields every API v1 list accepts; spread into its query schema. */
export const PageQueryFields = {
  cursor: z.string().min(1).optional().meta({ description: "`nextCursor` from the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

/** Opaque keyset cursor over (createdAt, id), or (createdAt, rank, id) when the row has a rank. */
export function encodeCursor(position: KeysetPosition): string {
  const createdAt = position.createdAt.toISOString();
  const tuple =
    position.rank === undefined ? [createdAt, position.id] : [createdAt, position.rank, position.id];
  return Buffer.from(JSON.stringify(tuple)).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const tuple = Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (tuple.length === 2) return { createdAt: new Date(tuple[0]), id: tuple[1] };
    return { createdAt: new Date(tuple[0]), rank: tuple[1], id: tuple[2] };
  } catch {
    throw new InvalidRequestError(
      "`cursor` is not a cursor this API returned: pass `nextCursor` back unchanged.",
    );
  }
}

/** What a list query asks the database for: the rows before the cursor, one more than the page to see if more remain. */
export function pageWindow(query: { cursor?: string; limit: number }) {
  return { before: query.cursor ? decodeCursor(query.cursor) : undefined, limit: query.limit + 1 };
}

/** A page of at most `limit` views from rows fetched with `pageWindow`, and the cursor of the next page. */
export function toPage<R extends KeysetPosition, V>(
  rows: readonly R[],
  limit: number,
  view: (row: R) => V,
): { data: V[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
