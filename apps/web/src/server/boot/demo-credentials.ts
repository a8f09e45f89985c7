import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DemoCredentials } from "@orylo/core";
import { generateApiKey } from "@orylo/platform";
import { z } from "zod";

const StoredDemo = z.object({
  email: z.string(),
  password: z.string(),
  apiKey: z.string().startsWith("ork_"),
});

/**
 * The demo merchant's login and API key: generated once into the data dir, so they survive restarts;
 * `ORYLO_DEMO_EMAIL` / `ORYLO_DEMO_PASSWORD` / `ORYLO_DEMO_API_KEY` win when set.
 */
export function loadDemoCredentials(
  dataDir: string,
  overrides: { email: string | null; password: string | null; apiKey: string | null },
): DemoCredentials {
  const file = join(dataDir, "demo.json");
  let stored: DemoCredentials | null = null;
  try {
    stored = StoredDemo.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    stored = null;
  }
  const generated = stored ?? {
    email: "demo@orylo.local",
    password: randomBytes(12).toString("base64url"),
    apiKey: generateApiKey(),
  };
  if (!stored) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600 });
  }
  return {
    email: overrides.email ?? generated.email,
    password: overrides.password ?? generated.password,
    apiKey: overrides.apiKey ?? generated.apiKey,
  };
}
