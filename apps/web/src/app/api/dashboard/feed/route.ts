import { feedCursorAt, readLiveFeed } from "@orylo/core";
import { openFeedSlot } from "@/server/dashboard/feed-slots";
import { sseStream } from "@/server/dashboard/sse-stream";
import { memberRoute } from "@/server/http/route";
import { errorResponse } from "@/server/http/to-http-response";

// GET /api/dashboard/feed — Server-Sent Events: the organization's new detections past `Last-Event-ID`
export const GET = memberRoute("read", async (ctx, request) => {
  const cursor =
    request.headers.get("last-event-id") ||
    new URL(request.url).searchParams.get("after") ||
    feedCursorAt(ctx.now());
  // Read once before streaming, so a bad cursor is a 400 rather than a broken stream.
  const first = await readLiveFeed(ctx, cursor);
  const slot = openFeedSlot(ctx.organizationId);
  if (!slot) {
    const response = errorResponse(429, {
      code: "too_many_connections",
      message: "Too many live feeds are open for this organization.",
      requestId: ctx.requestId,
    });
    response.headers.set("retry-after", "10");
    return response;
  }
  return sseStream({
    signal: request.signal,
    first,
    cursor,
    read: (after) => readLiveFeed(ctx, after),
    onClose: slot.release,
    onError: (error) => ctx.logger.error({ err: error }, "live feed poll failed"),
  });
});
