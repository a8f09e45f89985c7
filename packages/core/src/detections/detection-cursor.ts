import { z } from "zod";
import { InvalidRequestError } from "../errors";

const Position = z.tuple([z.iso.datetime(), z.string().min(1)]);

/** Opaque keyset cursor over (createdAt, id): stable while new detections keep arriving. */
export function encodeDetectionCursor(position: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString("base64url");
}

export function decodeDetectionCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new InvalidRequestError(
      "`cursor` is not a cursor this API returned: pass `nextCursor` back unchanged.",
    );
  }
}
