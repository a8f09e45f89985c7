import { PayloadTooLargeError } from "@orylo/core";

/** Stripe's events are a few kilobytes; a body this large is not one, and is refused before it is read whole. */
export const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

export async function readBody(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const body = await request.text();
  if (Buffer.byteLength(body) > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return body;
}
