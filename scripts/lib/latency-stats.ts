/** Nearest-rank percentile of samples (milliseconds); the input need not be sorted. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sum = samples.reduce((total, value) => total + value, 0);
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    mean: samples.length ? sum / samples.length : Number.NaN,
  };
}

/** Milliseconds with a precision that suits the magnitude (µs-level figures keep 3 decimals). */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  return `${Math.round(value)} ms`;
}

export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** "met", or "MISSED" with the reason, for a target line. */
export function verdict(met: boolean): string {
  return met ? "met" : "**MISSED**";
}
