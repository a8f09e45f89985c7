import { generateId } from "@orylo/platform";
import { toNextJsHandler } from "better-auth/next-js";
import { clientIp, enforceRateLimit } from "@/server/http/rate-limit";
import { toHttpResponse } from "@/server/http/to-http-response";
import { getRuntime } from "@/server/runtime";

/** Password attempts (sign-in, sign-up) are held to the `signIn` limit per IP. */
const PASSWORD_PATHS = /\/api\/auth\/sign-(in|up)\//;

// GET /api/auth/* — better-auth's endpoints (session, organizations)
export async function GET(request: Request) {
  return toNextJsHandler((await getRuntime()).auth).GET(request);
}

// POST /api/auth/* — better-auth's endpoints (sign-in, sign-up, sign-out, organizations)
export async function POST(request: Request) {
  const runtime = await getRuntime();
  if (PASSWORD_PATHS.test(new URL(request.url).pathname)) {
    try {
      await enforceRateLimit(runtime, "signIn", { ip: clientIp(request) }, "password");
    } catch (error) {
      return toHttpResponse(error, { requestId: generateId("req"), logger: runtime.logger });
    }
  }
  return toNextJsHandler(runtime.auth).POST(request);
}
