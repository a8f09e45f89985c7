import { foldListValue } from "@orylo/engine";
import { InvalidRequestError } from "../errors";
import type { ListKind } from "./list-schemas";

const CHECKS: Partial<Record<ListKind, { pattern: RegExp; expected: string }>> = {
  email: { pattern: /^[^@\s]+@[^@\s]+$/, expected: "an email address" },
  email_domain: { pattern: /^[a-z0-9.-]+\.[a-z]{2,}$/, expected: "a domain such as example.com" },
  card_bin: { pattern: /^\d{6,8}$/, expected: "6 to 8 digits" },
  country: { pattern: /^[A-Z]{2}$/, expected: "a two-letter ISO country code" },
  ip_address: {
    pattern: /^(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]*:[0-9a-f:.]*)$/i,
    expected: "an IPv4 or IPv6 address",
  },
};

/**
 * The stored form of a value (the engine's `foldListValue`, which payments are matched with), checked for
 * its kind, so `(list, value)` is unique and lookups match.
 */
export function normalizeListValue(kind: ListKind, raw: string): string {
  const value = foldListValue(kind, raw);
  const check = CHECKS[kind];
  if (check && !check.pattern.test(value))
    throw new InvalidRequestError(`'${raw}' is not ${check.expected} (a ${kind} list).`, { value: raw });
  return value;
}
