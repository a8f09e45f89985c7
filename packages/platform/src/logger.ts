import pino, { type DestinationStream, type Logger as PinoLogger } from "pino";
import pretty from "pino-pretty";
import type { Config } from "./config";

export type Logger = PinoLogger;
/** Where log lines are written (stdout by default; tests pass a stream they read back). */
export type LogDestination = DestinationStream;
/** What request handlers, tasks and the webhook path bind with `logger.child(...)`. */
export type LogContext = { requestId?: string; organizationId?: string; eventId?: string };

/** "jane.doe@example.com" → "j***@example.com"; anything that is not an email → "***". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "stripe-signature",
  "password",
  "secret",
  "secretKey",
  "apiKey",
  "api_key",
  "token",
  "accessToken",
  "refreshToken",
  "encryptionKey",
  "webhookSecret",
  "webhookSecrets",
  "smtpUrl",
];
const EMAIL_KEYS = ["email", "customerEmail", "customer_email", "receipt_email"];

/** Top level, one level down, and request/response headers (fast-redact wildcards match one level). */
export const REDACT_PATHS = [...SECRET_KEYS, ...EMAIL_KEYS].flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [
    k.slice(k.startsWith(".") ? 1 : 0),
    `*${k}`,
    `headers${k}`,
    `*.headers${k}`,
    `req.headers${k}`,
    `res.headers${k}`,
  ];
});

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? "";
  if (EMAIL_KEYS.includes(key) && typeof value === "string") return maskEmail(value);
  return "[Redacted]";
}

/**
 * One JSON line per event in production and CI; pino-pretty in development, as a synchronous stream
 * (no worker thread, which Next.js bundling breaks). `destination` lets tests capture the output.
 */
export function createLogger(
  config: Pick<Config, "logLevel" | "prettyLogs">,
  options: { destination?: DestinationStream; base?: Record<string, unknown> } = {},
): Logger {
  const common = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor },
    ...(options.base ? { base: options.base } : {}),
  };
  if (config.prettyLogs) {
    const stream = pretty({
      sync: true,
      colorize: options.destination === undefined && process.stdout.isTTY === true,
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname",
      ...(options.destination ? { destination: options.destination } : {}),
    });
    return pino(common, stream);
  }
  return pino(
    {
      ...common,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous stdout: a serverless function may be frozen before an async buffer flushes.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
