import { createHash } from "node:crypto";
import type { Config } from "../config";
import { AppError } from "../errors";

export type EncryptionKey = { id: string; key: Buffer };
/** `current` encrypts; every key (current and previous) decrypts, found by the id stored in the ciphertext. */
export type Keyring = { current: EncryptionKey; keys: ReadonlyMap<string, EncryptionKey> };

/** A stable, non-secret id derived from the key, so rotation needs no extra configuration. */
function keyId(key: Buffer): string {
  return createHash("sha256").update("orylo-encryption-key-id:").update(key).digest("hex").slice(0, 12);
}

function decodeKey(base64: string): EncryptionKey {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32)
    throw new AppError("encryption_key_invalid", "An encryption key must be 32 bytes (base64)");
  return { id: keyId(key), key };
}

export function createKeyring(currentKey: string, previousKeys: readonly string[] = []): Keyring {
  const current = decodeKey(currentKey);
  const keys = new Map<string, EncryptionKey>([[current.id, current]]);
  for (const previous of previousKeys) {
    const decoded = decodeKey(previous);
    if (!keys.has(decoded.id)) keys.set(decoded.id, decoded);
  }
  return { current, keys };
}

/** ORYLO_ENCRYPTION_KEY encrypts; ORYLO_ENCRYPTION_KEYS_PREVIOUS still decrypts. */
export function keyringFromConfig(config: Pick<Config, "encryption">): Keyring {
  return createKeyring(config.encryption.currentKey, config.encryption.previousKeys);
}
