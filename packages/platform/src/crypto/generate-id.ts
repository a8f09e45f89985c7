import { randomString } from "./api-key";

// Crockford base32, lowercase: ids sort by creation time as plain strings.
const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";
const TIME_CHARS = 10; // 50 bits of milliseconds: good until the year 37648
const RANDOM_CHARS = 16; // 80 bits

function encodeTime(ms: number): string {
  let out = "";
  let rest = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = BASE32[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * `prefix_` + a ULID-like body (time then randomness): `generateId("det")` → `det_01jf…`. Ids made in the
 * same millisecond are not ordered among themselves.
 */
export function generateId(prefix: string, now: number = Date.now()): string {
  if (!/^[a-z][a-z0-9]*$/.test(prefix)) throw new Error(`Invalid id prefix: ${prefix}`);
  return `${prefix}_${encodeTime(now)}${randomString(RANDOM_CHARS, BASE32)}`;
}
