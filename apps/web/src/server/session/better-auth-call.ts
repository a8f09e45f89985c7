import { ForbiddenError, InvalidRequestError } from "@orylo/core";
import { APIError } from "better-auth/api";

/**
 * Runs a better-auth API call and turns its refusals into our errors (so actions answer them like the API:
 * 403 or 400 with better-auth's message, which is safe to show); anything else is rethrown.
 */
export async function betterAuthCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    if (error.status === "FORBIDDEN" || error.status === "UNAUTHORIZED")
      throw new ForbiddenError(error.message);
    throw new InvalidRequestError(error.message);
  }
}
