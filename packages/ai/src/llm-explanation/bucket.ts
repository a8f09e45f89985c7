import type { EvidenceValue } from "@orylo/engine";
import { isCode } from "../signals/evidence";

/**
 * Evidence as the cache and the model see it: counts and amounts in power-of-two ranges, ratios in tenths,
 * flags, and snake_case codes. Free text (an email, an IP, a message) is dropped, never passed on: it can
 * only be personal data. Two payments whose evidence falls in the same buckets share an explanation
 * structure; their own numbers are rendered in afterwards.
 */
export function bucketValue(value: EvidenceValue): string | boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return isCode(value) ? value : null;
  if (value === null || !Number.isFinite(value)) return null;
  if (value > 0 && value < 1) return `~${(Math.round(value * 10) / 10).toFixed(1)}`;
  const magnitude = Math.abs(value);
  if (magnitude <= 2) return String(value);
  const upper = 2 ** Math.ceil(Math.log2(magnitude));
  return `${value < 0 ? "-" : ""}${upper / 2 + 1}..${upper}`;
}

/** The risk score in the bands a reader cares about. */
export function riskBand(riskScore: number): string {
  const low = Math.min(90, Math.floor(riskScore / 10) * 10);
  return `${low}-${low === 90 ? 100 : low + 9}`;
}
