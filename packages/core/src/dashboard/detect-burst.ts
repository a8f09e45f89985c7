import { countRecentDecisions } from "@orylo/db";
import type { OrgCtx } from "../context";

/** A card-testing burst as the dashboard sees it: this many BLOCKs within the window. */
export const BURST_WINDOW_MS = 10 * 60_000;
export const BURST_MIN_BLOCKS = 10;

export interface Burst {
  blocked: number;
  since: string;
}

/**
 * Is the organization under a burst of blocked payments right now? Derived from recent BLOCK decisions, so
 * the banner needs nothing but the detections; `null` when calm.
 */
export async function detectBurst(ctx: OrgCtx): Promise<Burst | null> {
  const since = new Date(ctx.now().getTime() - BURST_WINDOW_MS);
  const blocked = await countRecentDecisions(ctx.db, ctx.organizationId, { since, decision: "BLOCK" });
  return blocked >= BURST_MIN_BLOCKS ? { blocked, since: since.toISOString() } : null;
}
