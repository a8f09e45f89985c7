import Stripe from "stripe";

/**
 * The `Stripe-Signature` header Stripe would send for `payload`, computed by the real SDK. The async form is
 * used because the sync one needs Node's crypto and throws under Bun's worker build of the SDK.
 */
export function signStripePayload(
  payload: string,
  secret: string,
  options: { timestamp?: number } = {},
): Promise<string> {
  return Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, ...options });
}
