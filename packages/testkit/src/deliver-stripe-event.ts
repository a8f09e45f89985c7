import { signStripePayload } from "./sign-stripe-payload";

/**
 * Posts a signed event to a webhook URL as Stripe delivers it, including Stripe's answer to `503 overloaded`:
 * the same delivery again after `Retry-After` (re-signed, as Stripe's retries are), up to `attempts` times.
 * Embedded mode sheds webhooks while its event loop runs late (a `next dev` compile, a burst), so a script
 * that gave up on the first 503 would stop where Stripe would not. Network errors are the caller's.
 */
export async function deliverStripeEvent(
  url: string,
  payload: string,
  secret: string,
  { attempts = 10 }: { attempts?: number } = {},
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": await signStripePayload(payload, secret),
      },
      body: payload,
    });
    if (response.status !== 503 || attempt >= attempts) return response;
    await response.body?.cancel();
    const seconds = Number(response.headers.get("retry-after"));
    await new Promise((resolve) =>
      setTimeout(resolve, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000),
    );
  }
}
