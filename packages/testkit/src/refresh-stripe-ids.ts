import { randomBytes } from "node:crypto";
import { isRecord } from "./stripe-fixtures";

/** A new random Stripe-looking id with the given prefix (`ch`, `pi`, `evt`, ...). */
export function freshStripeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}

/**
 * Gives a charge or PaymentIntent (and the charges it embeds or references) new random ids, rewriting every
 * reference to the old ids in the payload, so `payment_intent`, `latest_charge`, `charges.data[]` and even the
 * client secret stay consistent. The vendored payloads share ids across files; reused ids would only exercise
 * deduplication. Customer and payment method ids are kept: tests about one customer rely on them.
 */
export function refreshStripeIds(object: Record<string, unknown>): Record<string, unknown> {
  const renamed = new Map<string, string>();
  collectIds(object, renamed);
  if (renamed.size === 0) return object;
  // Longest first, and bounded by non-alphanumerics, so `ch_0000` never rewrites part of `ch_00000000`.
  const alternatives = [...renamed.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(${alternatives.join("|")})(?![A-Za-z0-9])`, "g");
  const rewrite = (text: string) => text.replace(pattern, (old) => renamed.get(old) ?? old);
  return rewriteStrings(object, rewrite) as Record<string, unknown>;
}

function collectIds(object: Record<string, unknown>, renamed: Map<string, string>): void {
  if (object.object === "charge") {
    rename(object.id, renamed);
    collectReference(object.payment_intent, renamed);
  }
  if (object.object === "payment_intent") {
    rename(object.id, renamed);
    const charges = isRecord(object.charges) && Array.isArray(object.charges.data) ? object.charges.data : [];
    for (const charge of charges) if (isRecord(charge)) collectIds(charge, renamed);
    collectReference(object.latest_charge, renamed);
  }
}

/** A reference is either an id or, when expanded, the object itself. */
function collectReference(reference: unknown, renamed: Map<string, string>): void {
  if (typeof reference === "string") rename(reference, renamed);
  else if (isRecord(reference)) collectIds(reference, renamed);
}

function rename(id: unknown, renamed: Map<string, string>): void {
  if (typeof id !== "string" || !id.includes("_") || renamed.has(id)) return;
  // Keep the prefix: a `py_` charge (non-card payment) must stay one.
  renamed.set(id, freshStripeId(id.slice(0, id.indexOf("_"))));
}

function rewriteStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === "string") return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => rewriteStrings(item, rewrite));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewriteStrings(item, rewrite)]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
