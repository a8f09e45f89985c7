import Stripe from "stripe";
import { InvalidRequestError, InvalidSignatureError } from "../errors";

/**
 * Checks the signature on the raw body against each candidate secret (secrets rotate: the old and new one are
 * both valid for a while) and returns the parsed event with the index of the secret that matched.
 * Uses the async form: the sync one throws under Bun.
 */
export async function verifyStripeSignature(
  rawBody: string,
  signatureHeader: string | null,
  secrets: readonly string[],
): Promise<{ event: unknown; secretIndex: number }> {
  if (!signatureHeader) {
    throw new InvalidSignatureError(
      "Missing Stripe-Signature header: only Stripe's signed events are accepted.",
    );
  }
  for (const [secretIndex, secret] of secrets.entries()) {
    try {
      const event = await Stripe.webhooks.constructEventAsync(rawBody, signatureHeader, secret);
      return { event, secretIndex };
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw new InvalidRequestError("The body is not valid JSON.");
      }
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
    }
  }
  throw new InvalidSignatureError(
    "No configured webhook secret matches the Stripe-Signature header (wrong secret, or a timestamp older than 5 minutes).",
  );
}
