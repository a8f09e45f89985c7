import { generateId } from "@orylo/platform";
import { toNextJsHandler } from "better-auth/next-js";
import { clientIp, enforceRateLimit } from "@/server/http/rate-limit";
import { errorResponse, toHttpResponse } from "@/server/http/to-http-response";
import { getRuntime } from "@/server/runtime";

/** Password attempts (sign-in, sign-up) are held to the `signIn` limit per IP. */
const PASSWORD_PATHS = /\/api\/auth\/sign-(in|up)\//;

/** better-auth answers some errors (an unknown endpoint) with an empty body: ours are always JSON. */
function asJsonError(response: Response): Response {
  if (response.status < 400 || response.headers.get("content-type")?.includes("json")) return response;
  const requestId = generateId("req");
  return errorResponse(response.status, {
    code: response.status === 404 ? "not_found" : "invalid_request",
    message: response.status === 404 ? "No such authentication endpoint." : "The request was refused.",
    requestId,
  });
}

// GET /api/auth/* — better-auth's endpoints (session, organizations)
export async function GET(request: Request) {
  return asJsonError(await toNextJsHandler((await getRuntime()).auth).GET(request));
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
  return asJsonError(await toNextJsHandler(runtime.auth).POST(request));
}
