import { InvalidRequestError } from "@orylo/core";

/** PostgreSQL text cannot hold NUL: such a value would fail deep in a query as a 500 instead of a 400. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is refused
const NUL = /\u0000/;
const MAX_PARAM_LENGTH = 512;

/**
 * Path parameters and query values, checked once for every route: no NUL, and ids of a sane length (a
 * Stripe id or ours is under 100 characters; list item values are emails, IPs, fingerprints).
 */
export function checkRequestText(request: Request, params: unknown): void {
  const values = Object.values((params ?? {}) as Record<string, unknown>).flat();
  for (const value of values) {
    if (typeof value !== "string") continue;
    if (NUL.test(value)) throw new InvalidRequestError("A path segment contains a NUL character.");
    if (value.length > MAX_PARAM_LENGTH) {
      throw new InvalidRequestError(`A path segment is longer than ${MAX_PARAM_LENGTH} characters.`);
    }
  }
  for (const [name, value] of new URL(request.url).searchParams) {
    if (NUL.test(name) || NUL.test(value)) {
      throw new InvalidRequestError("A query parameter contains a NUL character.");
    }
  }
}

/** JSON.parse reviver for API bodies: a string with NUL is refused as invalid input. */
export function refuseNul(_key: string, value: unknown): unknown {
  if (typeof value === "string" && NUL.test(value)) {
    throw new InvalidRequestError("A string in the body contains a NUL character.");
  }
  return value;
}
