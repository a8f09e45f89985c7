/** Returned instead of a value nested too deeply to walk (no Stripe event is). */
export const TOO_DEEP = Symbol("too deep");
const MAX_DEPTH = 64;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb: an event carrying one (a merchant's metadata, a pasted
 * description) would fail at every delivery until Stripe disabled the endpoint. Each NUL becomes U+FFFD,
 * the replacement character; nothing else changes.
 */
export function replaceNul(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (typeof value === "string")
    return value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => replaceNul(item, depth + 1));
    return items.includes(TOO_DEEP) ? TOO_DEEP : items;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [replaceNul(k), replaceNul(v, depth + 1)] as const);
    return entries.some(([, v]) => v === TOO_DEEP) ? TOO_DEEP : Object.fromEntries(entries);
  }
  return value;
}
