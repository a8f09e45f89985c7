import { listDetectionsAfter } from "@orylo/db";
import type { Decision } from "@orylo/engine";
import type { OrgCtx } from "../context";
import { listDetectionsPage } from "../detections/list-detections";
import { decodeCursor, encodeCursor } from "../pagination";

export interface FeedItem {
  /** The position to resume after (SSE `id`, sent back as `Last-Event-ID`). */
  cursor: string;
  id: string;
  decision: Decision;
  riskScore: number;
  createdAt: string;
  chargeId: string | null;
  amount: number | null;
  currency: string | null;
  customerId: string | null;
}

const FEED_BATCH = 50;

/** Detections newer than `cursor` (a `FeedItem.cursor` or `feedCursorAfter`), oldest first. */
export async function readLiveFeed(ctx: OrgCtx, cursor: string): Promise<FeedItem[]> {
  const after = decodeCursor(cursor);
  const rows = await listDetectionsAfter(ctx.db, ctx.organizationId, { after, limit: FEED_BATCH });
  return rows.map((row) => ({
    ...row,
    cursor: encodeCursor(row),
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Where a feed starts when nothing was rendered before it: now (id "0" sorts before every `det_` id). */
export function feedCursorAt(now: Date): string {
  return encodeCursor({ createdAt: now, id: "0" });
}

/** The newest detections for a page to render, newest first, and the cursor its live feed resumes from. */
export async function readLatestFeed(
  ctx: OrgCtx,
  limit: number,
): Promise<{ items: FeedItem[]; cursor: string }> {
  const page = await listDetectionsPage(ctx, { limit });
  const items = page.data.map((row) => ({
    id: row.id,
    decision: row.decision,
    riskScore: row.riskScore,
    createdAt: row.createdAt,
    chargeId: row.chargeId,
    amount: row.amount,
    currency: row.currency,
    customerId: row.customerId,
    cursor: encodeCursor({ createdAt: new Date(row.createdAt), id: row.id }),
  }));
  return { items, cursor: items[0]?.cursor ?? feedCursorAt(ctx.now()) };
}
