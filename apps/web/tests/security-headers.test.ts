import { describe, expect, it } from "vitest";
import config from "../next.config";

async function headersFor(nodeEnv: string) {
  const previous = process.env.NODE_ENV;
  Object.assign(process.env, { NODE_ENV: nodeEnv });
  try {
    const rules = (await config.headers?.()) ?? [];
    expect(rules.map((r) => r.source)).toEqual(["/:path*"]);
    return Object.fromEntries((rules[0]?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]));
  } finally {
    Object.assign(process.env, { NODE_ENV: previous });
  }
}

describe("security headers on every response", () => {
  it("sets CSP (no framing, no plugins), HSTS, nosniff and a referrer policy", async () => {
    const headers = await headersFor("production");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("allows eval only in development, for React refresh", async () => {
    expect((await headersFor("development"))["content-security-policy"]).toContain("'unsafe-eval'");
  });
});
