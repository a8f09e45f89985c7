import { createHash } from "node:crypto";

export interface AddressParts {
  line1?: string | null;
  postal_code?: string | null;
  country?: string | null;
}

/**
 * A stable key for "the same address" in velocity counts, without storing the address itself: sha256 (hex) of
 * the lowercased, trimmed line1 (inner whitespace collapsed), postal code (spaces removed: `SW1A 1AA` and
 * `SW1A1AA` are one code) and country. `null` when there is neither a line1 nor a postal code: a country
 * alone would make every address in it "the same".
 */
export function addressKey(address: AddressParts | null | undefined): string | null {
  const line1 = normalize(address?.line1).replace(/\s+/g, " ");
  const postalCode = normalize(address?.postal_code).replace(/\s+/g, "");
  if (!line1 && !postalCode) return null;
  const country = normalize(address?.country);
  // JSON keeps the parts apart, so no value can imitate a separator.
  return createHash("sha256")
    .update(JSON.stringify([line1, postalCode, country]))
    .digest("hex");
}

function normalize(part: string | null | undefined): string {
  return (part ?? "").trim().toLowerCase();
}
