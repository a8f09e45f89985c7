import { feedCursorAt, RateLimitedError, readLiveFeed } from "@orylo/core";
import { openFeedSlot } from "@/server/dashboard/feed-slots";
import { sseStream } from "@/server/dashboard/sse-stream";
import { memberRoute } from "@/server/http/route";

// GET /api/dashboard/feed — Server-Sent Events: the organization's new detections past `Last-Event-ID`
export const GET = memberRoute("read", async (ctx, request) => {
  const cursor =
    request.headers.get("last-event-id") ||
    new URL(request.url).searchParams.get("after") ||
    feedCursorAt(ctx.now());
  // Read once before streaming, so a bad cursor is a 400 rather than a broken stream.
  const first = await readLiveFeed(ctx, cursor);
  const slot = openFeedSlot(ctx.organizationId);
  // Too many feeds open for this organization: a 429 the client retries after.
  if (!slot) throw new RateLimitedError(10);
  return sseStream({
    signal: request.signal,
    first,
    cursor,
    read: (after) => readLiveFeed(ctx, after),
    onClose: slot.release,
    onError: (error) => ctx.logger.error({ err: error }, "live feed poll failed"),
  });
});
