import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { freePort } from "./free-port";
import { RespConnection } from "./resp-client";

export type RedisServer = { host: string; port: number; dir: string; stop(): Promise<void> };

/** The redis-server binary on PATH; the full suite fails (never skips) without it. */
export function findRedisServer(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "redis-server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  throw new Error(
    "redis-server is not installed: the Upstash tests of the full suite run a real Redis behind the " +
      "Upstash REST proxy. Install it with `apt-get install -y redis-server`.",
  );
}

async function waitForPing(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output()}`);
    try {
      const connection = await RespConnection.connect(port);
      const reply = await connection.send(["PING"]);
      await connection.close();
      if (reply === "PONG") return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer PING on port ${port}: ${output()}`);
}

/** A throwaway redis-server on a free port, without persistence, in its own temp dir. */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  const dir = mkdtempSync(join(tmpdir(), "orylo-redis-"));
  const port = await freePort();
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "no",
  ];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPing(port, child, () => output.slice(-2000));
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: "127.0.0.1", port, dir, stop };
}
