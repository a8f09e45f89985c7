import { signStripePayload } from "@orylo/testkit";
import { POST as postToEndpoint } from "@/app/api/webhooks/stripe/[endpointId]/route";
import { POST as postShared } from "@/app/api/webhooks/stripe/route";

/** Signs `event` with the real Stripe SDK and calls the route handler exactly as Next.js would. */
export async function sendWebhook(
  event: unknown,
  {
    secret,
    endpointId,
    signature,
    ip,
  }: { secret: string; endpointId?: string; signature?: string | null; ip?: string },
): Promise<{
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}> {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const headers = new Headers({ "content-type": "application/json" });
  const header = signature === undefined ? await signStripePayload(payload, secret) : signature;
  if (header !== null) headers.set("stripe-signature", header);
  if (ip) headers.set("x-forwarded-for", ip);
  const url = `http://localhost/api/webhooks/stripe${endpointId ? `/${endpointId}` : ""}`;
  const request = new Request(url, { method: "POST", headers, body: payload });
  const response = endpointId
    ? await postToEndpoint(request, { params: Promise.resolve({ endpointId }) })
    : await postShared(request, { params: Promise.resolve({}) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
