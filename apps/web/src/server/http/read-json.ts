import { InvalidRequestError } from "@orylo/core";
import type { z } from "zod";
import { refuseNul } from "./check-request-text";
import { readBody } from "./read-body";

/** API bodies are small JSON objects; 100 kB leaves room for a batch of list items. */
const MAX_API_BODY_BYTES = 100_000;

/** Reads a JSON body and validates it: malformed JSON is a 400 like any other invalid input. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  const text = await readBody(request, MAX_API_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text, refuseNul);
  } catch (error) {
    if (error instanceof InvalidRequestError) throw error;
    throw new InvalidRequestError("The body is not valid JSON.");
  }
  return schema.parse(body);
}
