export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit refuses calls before letting one through (half-open). */
  openMs?: number;
  now?: () => number;
}

export type CircuitState = "closed" | "open" | "half_open";

/**
 * Per provider: after `failureThreshold` failures in a row the provider is skipped for `openMs`, so an outage
 * costs one timeout per window instead of one per task. Then a single trial call decides: success closes the
 * circuit, failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialRunning = false;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;

  constructor({ failureThreshold = 3, openMs = 30_000, now = Date.now }: CircuitBreakerOptions = {}) {
    this.threshold = failureThreshold;
    this.openMs = openMs;
    this.now = now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return "closed";
    return this.now() - this.openedAt >= this.openMs ? "half_open" : "open";
  }

  /** Whether a call may go through now; in half-open state only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialRunning) return false;
    this.trialRunning = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialRunning = false;
  }

  failure(): void {
    this.trialRunning = false;
    this.failures += 1;
    if (this.openedAt !== null || this.failures >= this.threshold) this.openedAt = this.now();
  }
}
