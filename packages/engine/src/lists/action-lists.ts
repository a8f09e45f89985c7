import { z } from "zod";
import { emailDomainOf, type Transaction } from "../transaction";

/** A list that acts on decisions by itself (ARCHITECTURE §4), ahead of every rule. */
export const ListAction = z.enum(["allow", "block"]);
export type ListAction = z.infer<typeof ListAction>;

/**
 * The stored form of a list value, which lookups compare exactly: trimmed; emails and domains lowercased
 * (a domain without a leading `@`); countries uppercased; identifiers as given.
 */
export function foldListValue(kind: string, raw: string): string {
  let value = raw.trim();
  if (kind === "email" || kind === "email_domain") value = value.toLowerCase();
  if (kind === "email_domain") value = value.replace(/^@/, "");
  if (kind === "country") value = value.toUpperCase();
  return value;
}

/**
 * What the payment can be listed by, in stored form: its email and email domain, card fingerprint and IIN,
 * Stripe customer, IP, device, and the countries of its card, billing and shipping addresses.
 */
export function listCandidates(transaction: Transaction): { kind: string; value: string }[] {
  // Kinds as lists name them; other kinds (`string`) are only read by rules as `@name`.
  const raw: [string, string | null][] = [
    ["email", transaction.email],
    ["email_domain", emailDomainOf(transaction.email)],
    ["card_fingerprint", transaction.cardFingerprint],
    ["card_bin", transaction.cardIin],
    ["customer", transaction.customerId],
    ["ip_address", transaction.ipAddress],
    ["device_id", transaction.deviceId],
    ["country", transaction.cardCountry],
    ["country", transaction.billingCountry],
    ["country", transaction.shippingCountry],
  ];
  const seen = new Set<string>();
  const candidates: { kind: string; value: string }[] = [];
  for (const [kind, value] of raw) {
    if (!value) continue;
    const folded = foldListValue(kind, value);
    const key = `${kind}:${folded}`;
    if (folded === "" || seen.has(key)) continue;
    seen.add(key);
    candidates.push({ kind, value: folded });
  }
  return candidates;
}

/** An allow or block list with (at least) the values that may match; expired items already left out. */
export type ActionList = { name: string; action: ListAction; kind: string; values: ReadonlySet<string> };

export const ListHit = z.object({
  list: z.string().min(1),
  action: ListAction,
  kind: z.string(),
  value: z.string(),
});
export type ListHit = z.infer<typeof ListHit>;

/** The allow and block lists that hold one of the payment's values: allow hits first, then by list name. */
export function matchActionLists(transaction: Transaction, lists: readonly ActionList[]): ListHit[] {
  if (lists.length === 0) return [];
  const hits: ListHit[] = [];
  const candidates = listCandidates(transaction);
  for (const list of lists)
    for (const { kind, value } of candidates)
      if (kind === list.kind && list.values.has(value))
        hits.push({ list: list.name, action: list.action, kind, value });
  return hits.sort(
    (a, b) => Number(a.action === "block") - Number(b.action === "block") || a.list.localeCompare(b.list),
  );
}
