export { API_KEY_PATTERN, API_KEY_PREFIX, generateApiKey, hashApiKey, randomString } from "./api-key";
export { DecryptionError, decryptSecret, encryptSecret, needsReencryption } from "./encrypt-secret";
export { generateId } from "./generate-id";
export { createKeyring, type EncryptionKey, type Keyring, keyringFromConfig } from "./keyring";
