/**
 * Errors carry a stable `code` literal that callers branch on (never the message). They know nothing of
 * HTTP: the web app maps codes to statuses in one place.
 */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code;
  /** Safe, structured facts for logs and API error bodies (never secrets or personal data). */
  readonly details: Readonly<Record<string, unknown>>;
  /** A transient failure (network, timeout, lock) that may succeed when retried. */
  readonly retryable: boolean;

  constructor(
    code: Code,
    message: string,
    options: { details?: Record<string, unknown>; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
    this.retryable = options.retryable ?? false;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** One problem with one environment variable, with what the variable is for. */
export type ConfigIssue = { variable: string; problem: string; purpose: string };

/** The configuration cannot be used: the process must not start. Lists every problem at once. */
export class ConfigError extends AppError<"config_invalid"> {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: ConfigIssue[], heading = "Invalid configuration") {
    const lines = issues.map((i) => `  - ${i.variable}: ${i.problem}${i.purpose ? ` (${i.purpose})` : ""}`);
    super("config_invalid", `${heading}:\n${lines.join("\n")}`, {
      details: { variables: issues.map((i) => i.variable) },
    });
    this.issues = issues;
  }
}

/** A cache or rate-limit key that is not scoped by an organization (ARCHITECTURE §9). */
export class CacheKeyError extends AppError<"cache_key_invalid"> {
  constructor(message: string) {
    super("cache_key_invalid", message);
  }
}
