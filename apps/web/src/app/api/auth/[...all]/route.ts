import { toNextJsHandler } from "better-auth/next-js";
import { getRuntime } from "@/server/runtime";

// GET|POST /api/auth/* — better-auth's endpoints (sign-in, sign-out, session, organizations)
export async function GET(request: Request) {
  return toNextJsHandler((await getRuntime()).auth).GET(request);
}

export async function POST(request: Request) {
  return toNextJsHandler((await getRuntime()).auth).POST(request);
}
