import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@orylo/testkit";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO = { email: "demo@example.test", password: "correct horse battery staple" };
export const WEBHOOK_SECRET = "whsec_e2e_platform_secret";

/** Debian's Chromium, or a loud failure: the browser suite never passes by skipping. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

/**
 * The app as a merchant meets it: `next dev` in embedded mode on a fresh data dir and a free port, with
 * known demo credentials and webhook secret. Resolves once /api/health answers.
 */
export async function startApp(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  const child: ChildProcess = spawn("bunx", ["next", "dev", "--turbopack", "-p", String(port)], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "development",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      ORYLO_DATA_DIR: mkdtempSync(join(tmpdir(), "orylo-e2e-")),
      ORYLO_DEMO_EMAIL: DEMO.email,
      ORYLO_DEMO_PASSWORD: DEMO.password,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (Date.now() >= deadline) throw new Error(`the app did not answer in 3 minutes:\n${output}`);
  return {
    url,
    stop: async () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
