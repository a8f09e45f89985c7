/**
 * Headers on every response (next.config.ts). The CSP allows what the App Router needs: its inline bootstrap
 * scripts and styles ('unsafe-inline'; no nonce, so pages stay statically renderable), eval only in
 * development (React refresh), and PostHog for analytics. No one may frame the dashboard (clickjacking).
 */
export function securityHeaders(nodeEnv: string | undefined): { key: string; value: string }[] {
  const development = nodeEnv === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' https://*.posthog.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    // Browsers ignore HSTS over plain http, so it is harmless on localhost.
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ];
}
