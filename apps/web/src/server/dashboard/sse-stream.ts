import type { FeedItem } from "@orylo/core";

export const SSE_POLL_MS = 1_000;
export const SSE_HEARTBEAT_MS = 15_000;
/** Streams end well under serverless limits; the browser reconnects with `Last-Event-ID`. */
export const SSE_LIFETIME_MS = 25_000;

const encoder = new TextEncoder();
const eventOf = (item: FeedItem) => `id: ${item.cursor}\nevent: detection\ndata: ${JSON.stringify(item)}\n\n`;

/**
 * A text/event-stream that polls `read` past the last sent position: no pub/sub needed, so it works on any
 * host. Heartbeat comments keep proxies from closing an idle stream.
 */
export function sseStream(options: {
  signal: AbortSignal;
  first: FeedItem[];
  cursor: string;
  read: (cursor: string) => Promise<FeedItem[]>;
  onClose: () => void;
  onError: (error: unknown) => void;
}): Response {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const startedAt = Date.now();
      let cursor = options.first.at(-1)?.cursor ?? options.cursor;
      let lastWrite = Date.now();
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        options.onClose();
        controller.close();
      };
      const send = (text: string) => {
        controller.enqueue(encoder.encode(text));
        lastWrite = Date.now();
      };
      options.signal.addEventListener("abort", close);
      send(`retry: 2000\nid: ${cursor}\n\n`);
      for (const item of options.first) send(eventOf(item));
      const tick = async () => {
        if (closed) return;
        if (Date.now() - startedAt > SSE_LIFETIME_MS) return close();
        try {
          const items = await options.read(cursor);
          if (closed) return;
          for (const item of items) send(eventOf(item));
          cursor = items.at(-1)?.cursor ?? cursor;
          if (Date.now() - lastWrite >= SSE_HEARTBEAT_MS) send(": heartbeat\n\n");
        } catch (error) {
          options.onError(error);
          return close();
        }
        timer = setTimeout(tick, SSE_POLL_MS);
      };
      timer = setTimeout(tick, SSE_POLL_MS);
    },
    cancel() {
      clearTimeout(timer);
      options.onClose();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
