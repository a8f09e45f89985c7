import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ConfigError } from "../errors";
import { GENERATED_SECRETS, type GeneratedSecretName } from "./variables";

export const SECRETS_FILE = "secrets.json";

export const EmbeddedSecrets = z.object({
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  BETTER_AUTH_SECRET: z.string().min(1).optional(),
  ORYLO_ENCRYPTION_KEY: z.string().min(1).optional(),
});
export type EmbeddedSecrets = z.infer<typeof EmbeddedSecrets>;

const generators: Record<GeneratedSecretName, () => string> = {
  STRIPE_WEBHOOK_SECRET: () => `whsec_${randomBytes(24).toString("base64url")}`,
  BETTER_AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  ORYLO_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
};

function readSecretsFile(path: string): EmbeddedSecrets | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  // A damaged file is never replaced: it holds the key that decrypts stored secrets.
  const parsed = EmbeddedSecrets.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new ConfigError(
      [
        {
          variable: "ORYLO_DATA_DIR",
          problem: `${path} is not valid JSON secrets; fix or remove it`,
          purpose: "",
        },
      ],
      "Cannot read the embedded secrets",
    );
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function writeSecretsFile(path: string, secrets: EmbeddedSecrets, exclusive: boolean): boolean {
  const body = `${JSON.stringify(secrets, null, 2)}\n`;
  if (exclusive) {
    try {
      writeFileSync(path, body, { mode: 0o600, flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false; // another process won the race
      throw error;
    }
  }
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, body, { mode: 0o600 });
  renameSync(tmp, path);
  return true;
}

/**
 * Returns the embedded-mode secrets, generating the ones that neither the environment nor the
 * secrets file provides. Generated once, kept in `<dataDir>/secrets.json` (0600), reused at every boot.
 */
export function ensureEmbeddedSecrets(
  dataDir: string,
  provided: Partial<Record<GeneratedSecretName, string>>,
): EmbeddedSecrets {
  const path = join(dataDir, SECRETS_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = readSecretsFile(path);
    const missing = GENERATED_SECRETS.filter((name) => !provided[name] && !existing?.[name]);
    if (missing.length === 0) return existing ?? {};
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const next: EmbeddedSecrets = { ...existing };
    for (const name of missing) next[name] = generators[name]();
    if (writeSecretsFile(path, next, existing === null)) {
      chmodSync(path, 0o600);
      return next;
    }
  }
  throw new ConfigError(
    [{ variable: "ORYLO_DATA_DIR", problem: `could not create ${path}`, purpose: "" }],
    "Cannot write the embedded secrets",
  );
}
