import type { NextConfig } from "next";
import { securityHeaders } from "./src/server/http/security-headers";

const config: NextConfig = {
  transpilePackages: ["@orylo/ai", "@orylo/core", "@orylo/db", "@orylo/engine", "@orylo/platform"],
  // Native/WASM and worker-thread packages stay in node_modules instead of being bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "pino",
    "pino-pretty",
    "@neondatabase/serverless",
    "ws",
  ],
  poweredByHeader: false,
  // The dev-mode badge would sit over the page in screenshots and e2e runs.
  devIndicators: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV) }];
  },
};

export default config;
