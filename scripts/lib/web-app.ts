import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "@orylo/testkit";
import { processGroupCpuMs } from "./process-cpu";

const ROOT = join(import.meta.dirname, "..", "..");
const WEB = join(ROOT, "apps", "web");
const PACKAGES = join(ROOT, "packages");
const NEXT_BIN = join(WEB, "node_modules", "next", "dist", "bin", "next");

/**
 * Builds apps/web (`bun run build`) when it has no production build, or one older than a source file of the app
 * or of a package it bundles: measuring a stale build would measure code that is no longer there.
 */
export async function ensureWebBuilt(): Promise<void> {
  const buildId = join(WEB, ".next", "BUILD_ID");
  if (existsSync(buildId)) {
    const builtAt = statSync(buildId).mtimeMs;
    const sources = [join(WEB, "src"), ...readdirSync(PACKAGES).map((name) => join(PACKAGES, name, "src"))];
    if (sources.every((dir) => newestMtime(dir) <= builtAt)) return;
    console.log(
      "  apps/web's production build is older than its sources: running `bun run build` in apps/web",
    );
  } else {
    console.log("  apps/web has no production build: running `bun run build` in apps/web");
  }
  const build = spawn("bun", ["run", "build"], { cwd: WEB, stdio: "inherit", env: process.env });
  const code = await new Promise<number | null>((resolve) => build.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export interface WebApp {
  url: string;
  logFile: string;
  /** CPU time used so far by the app's processes (Linux /proc; NaN elsewhere), in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * `next start` of apps/web on 127.0.0.1:port with exactly `env` (plus PATH and HOME), in its own process
 * group so that stopping it ends the server and nothing else; resolves once `/api/health/ready` says 200.
 * `nodeArgs` go to node itself (`--cpu-prof` is refused in NODE_OPTIONS).
 */
export async function startWebApp(
  env: Record<string, string>,
  logFile: string,
  nodeArgs: string[] = [],
): Promise<WebApp> {
  if (!existsSync(NEXT_BIN)) throw new Error(`${NEXT_BIN} is missing: run \`bun install\``);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, "w");
  const child = spawn("node", [...nodeArgs, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: WEB,
    detached: true,
    stdio: ["ignore", log, log],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env, PORT: String(port) },
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const app: WebApp = {
    url,
    logFile,
    cpuMs: () => processGroupCpuMs(child.pid),
    stop: () => stopProcessGroup(child, () => exited),
  };
  try {
    await waitForReady(url, () => exited, logFile);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

export interface TaskWorker {
  logFile: string;
  /** CPU time used so far by the worker's processes (Linux /proc; NaN elsewhere), in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * `bun run worker` of apps/web (the task host in its own process) with exactly `env` (plus PATH and HOME),
 * in its own process group; resolves once its log says it runs the outbox.
 */
export async function startTaskWorker(env: Record<string, string>, logFile: string): Promise<TaskWorker> {
  const log = openSync(logFile, "w");
  const child = spawn("bun", ["src/worker.ts"], {
    cwd: WEB,
    detached: true,
    stdio: ["ignore", log, log],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const worker: TaskWorker = {
    logFile,
    cpuMs: () => processGroupCpuMs(child.pid),
    stop: () => stopProcessGroup(child, () => exited),
  };
  const deadline = Date.now() + 60_000;
  while (!readFileSync(logFile, "utf8").includes("worker running the task outbox")) {
    if (exited || Date.now() > deadline) {
      await worker.stop();
      throw new Error(`the worker ${exited ? "exited" : "did not start in 60 s"}:\n${tail(logFile)}`);
    }
    await Bun.sleep(100);
  }
  return worker;
}

async function waitForReady(url: string, hasExited: () => boolean, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`next start exited before it was ready:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/api/health/ready`);
      if (response.ok) return;
      last = `HTTP ${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await Bun.sleep(250);
  }
  throw new Error(`${url}/api/health/ready not ready after 90 s (${last}):\n${tail(logFile)}`);
}

async function stopProcessGroup(child: ChildProcess, hasExited: () => boolean): Promise<void> {
  if (hasExited() || child.pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  for (let waited = 0; waited < 10_000 && !hasExited(); waited += 100) await Bun.sleep(100);
  if (!hasExited()) signal("SIGKILL");
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
