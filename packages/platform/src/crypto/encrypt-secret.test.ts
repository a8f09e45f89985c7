import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret, needsReencryption } from "./encrypt-secret";
import { createKeyring } from "./keyring";

const newKey = () => randomBytes(32).toString("base64");

function failure(fn: () => unknown): DecryptionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptionError);
    return error as DecryptionError;
  }
  throw new Error("expected a DecryptionError");
}

describe("encryptSecret / decryptSecret", () => {
  const keyring = createKeyring(newKey());

  it("round-trips, with a fresh IV each time", () => {
    const secret = "sk_live_51abc… ünïcode";
    const a = encryptSecret(secret, keyring);
    const b = encryptSecret(secret, keyring);
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk_live");
    expect(a.startsWith(`v1.${keyring.current.id}.`)).toBe(true);
    expect(decryptSecret(a, keyring)).toBe(secret);
    expect(decryptSecret(encryptSecret("", keyring), keyring)).toBe("");
  });

  it("decrypts with a previous key after rotation and encrypts with the new one", () => {
    const oldKey = newKey();
    const before = createKeyring(oldKey);
    const stored = encryptSecret("whsec_rotating", before);

    const after = createKeyring(newKey(), [oldKey]);
    expect(decryptSecret(stored, after)).toBe("whsec_rotating");
    expect(needsReencryption(stored, after)).toBe(true);
    const reencrypted = encryptSecret(decryptSecret(stored, after), after);
    expect(needsReencryption(reencrypted, after)).toBe(false);
    expect(failure(() => decryptSecret(reencrypted, before)).code).toBe("encryption_key_unknown");
  });

  it("fails on an unknown key", () => {
    const stored = encryptSecret("x", createKeyring(newKey()));
    expect(failure(() => decryptSecret(stored, keyring)).code).toBe("encryption_key_unknown");
  });

  it.each([
    ["ciphertext", 3],
    ["tag", 4],
    ["iv", 2],
  ])("detects a tampered %s", (_part, index) => {
    const parts = encryptSecret("do not touch", keyring).split(".");
    const bytes = Buffer.from(parts[index]!, "base64url");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    parts[index] = bytes.toString("base64url");
    expect(failure(() => decryptSecret(parts.join("."), keyring)).code).toBe("decryption_failed");
  });

  it("binds the optional context", () => {
    const stored = encryptSecret("rk_live_x", keyring, "org_a");
    expect(decryptSecret(stored, keyring, "org_a")).toBe("rk_live_x");
    expect(failure(() => decryptSecret(stored, keyring, "org_b")).code).toBe("decryption_failed");
    expect(failure(() => decryptSecret(stored, keyring)).code).toBe("decryption_failed");
  });

  it("rejects malformed input", () => {
    for (const bad of ["", "plain text", "v2.a.b.c.d", "v1.a.b.c", "v1.a.b.c.d.e"]) {
      expect(failure(() => decryptSecret(bad, keyring)).code).toMatch(
        /decryption_failed|encryption_key_unknown/,
      );
    }
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createKeyring(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
