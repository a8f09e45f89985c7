import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import type { Keyring } from "./keyring";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends AppError<"decryption_failed" | "encryption_key_unknown"> {}

/** Version and key id are authenticated too, as is the caller's context (e.g. the organization id). */
function aad(header: string, context: string | undefined): Buffer {
  return Buffer.from(context === undefined ? header : `${header}\0${context}`, "utf8");
}

/**
 * AES-256-GCM with the keyring's current key. Output: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url).
 * `context`, when given, must be given again to decrypt: a ciphertext copied to another row fails.
 */
export function encryptSecret(plaintext: string, keyring: Keyring, context?: string): string {
  const { id, key } = keyring.current;
  const header = `${VERSION}.${id}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(header, context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url"));
  return [header, ...parts].join(".");
}

export function decryptSecret(ciphertext: string, keyring: Keyring, context?: string): string {
  const [version, id, iv, body, tag, ...rest] = ciphertext.split(".");
  if (version !== VERSION || !id || iv === undefined || body === undefined || !tag || rest.length > 0) {
    throw new DecryptionError("decryption_failed", "Not an Orylo ciphertext");
  }
  const entry = keyring.keys.get(id);
  if (!entry) {
    throw new DecryptionError(
      "encryption_key_unknown",
      "Encrypted with a key that is neither ORYLO_ENCRYPTION_KEY nor in ORYLO_ENCRYPTION_KEYS_PREVIOUS",
      { details: { keyId: id } },
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(iv, "base64url"), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad(`${version}.${id}`, context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch (cause) {
    throw new DecryptionError("decryption_failed", "Ciphertext failed authentication", { cause });
  }
}

/** True when the value was encrypted with a previous key and should be re-encrypted with the current one. */
export function needsReencryption(ciphertext: string, keyring: Keyring): boolean {
  return ciphertext.split(".")[1] !== keyring.current.id;
}
