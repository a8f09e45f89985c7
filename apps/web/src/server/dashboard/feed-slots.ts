/**
 * Open live feeds per organization in this process. The cap keeps one organization's open tabs from
 * holding every database connection; on serverless each instance counts its own, and every stream ends
 * after `SSE_LIFETIME_MS` anyway.
 */
export const FEED_CAP_PER_ORGANIZATION = 10;
const open = new Map<string, number>();

export function openFeedSlot(organizationId: string): { release: () => void } | null {
  const count = open.get(organizationId) ?? 0;
  if (count >= FEED_CAP_PER_ORGANIZATION) return null;
  open.set(organizationId, count + 1);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const left = (open.get(organizationId) ?? 1) - 1;
      if (left > 0) open.set(organizationId, left);
      else open.delete(organizationId);
    },
  };
}
