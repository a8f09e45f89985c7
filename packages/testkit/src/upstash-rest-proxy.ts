import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { RespConnection, RespError, type RespValue } from "./resp-client";

/**
 * A local Upstash Redis REST server over a real redis-server: POST `/` (one command as a JSON array),
 * `/pipeline` and `/multi-exec` (arrays of commands), Bearer token, `{result}` / `[{result}]`, `{error}`,
 * and base64 results when the client sends `Upstash-Encoding: base64` (as @upstash/redis does by default).
 */
export type UpstashRestProxy = {
  url: string;
  token: string;
  /** Every authorized request: path and commands, for assertions. */
  requests: { path: string; commands: string[][] }[];
  close(): Promise<void>;
};

type Reply = { result: unknown } | { error: string };

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Stock Redis 7.0 rejects the Upstash-only `allow-key-locking` flag of @upstash/ratelimit's scripts. */
export function stripUpstashScriptFlags(script: string): string {
  const match = /^#!lua([^\n]*)\n/.exec(script);
  if (!match) return script;
  const flags = /flags=(\S*)/.exec(match[1] ?? "")?.[1]?.split(",") ?? [];
  const kept = flags.filter((flag) => flag && flag !== "allow-key-locking");
  const body = script.slice(match[0].length);
  return kept.length > 0 ? `#!lua flags=${kept.join(",")}\n${body}` : body;
}

function toJson(value: RespValue, base64: boolean): unknown {
  if (value === null || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((item) => toJson(item, base64));
  if (value instanceof RespError) return value.message;
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  return base64 ? bytes.toString("base64") : bytes.toString("utf8");
}

function reply(value: RespValue, base64: boolean): Reply {
  return value instanceof RespError ? { error: value.message } : { result: toJson(value, base64) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function isCommand(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((a) => !Array.isArray(a) && typeof a !== "object")
  );
}

export async function startUpstashRestProxy(options: {
  redisPort: number;
  redisHost?: string;
  token?: string;
}): Promise<UpstashRestProxy> {
  const token = options.token ?? "test-upstash-token";
  const requests: UpstashRestProxy["requests"] = [];
  const scriptShas = new Map<string, string>(); // sha1(original script) → sha1(script sent to Redis)
  const idle: RespConnection[] = [];
  const all = new Set<RespConnection>();

  async function acquire(): Promise<RespConnection> {
    const existing = idle.pop();
    if (existing) return existing;
    const connection = await RespConnection.connect(options.redisPort, options.redisHost);
    all.add(connection);
    return connection;
  }

  /** Rewrites scripting commands so the stripped scripts stay reachable by their original sha. */
  function translate(command: string[]): { args: string[]; loadedSha?: string } {
    const name = command[0]?.toLowerCase();
    if ((name === "eval" || name === "eval_ro") && command[1] !== undefined) {
      const stripped = stripUpstashScriptFlags(command[1]);
      scriptShas.set(sha1(command[1]), sha1(stripped));
      return { args: [command[0]!, stripped, ...command.slice(2)] };
    }
    if ((name === "evalsha" || name === "evalsha_ro") && command[1] !== undefined) {
      return {
        args: [command[0]!, scriptShas.get(command[1].toLowerCase()) ?? command[1], ...command.slice(2)],
      };
    }
    if (name === "script" && command[1]?.toLowerCase() === "load" && command[2] !== undefined) {
      const stripped = stripUpstashScriptFlags(command[2]);
      scriptShas.set(sha1(command[2]), sha1(stripped));
      return { args: [command[0]!, command[1], stripped], loadedSha: sha1(command[2]) };
    }
    return { args: command };
  }

  async function run(connection: RespConnection, command: string[]): Promise<RespValue> {
    const { args, loadedSha } = translate(command);
    const value = await connection.send(args);
    return loadedSha && !(value instanceof RespError) ? loadedSha : value;
  }

  async function execute(path: string, body: unknown, base64: boolean): Promise<[number, unknown]> {
    const batch = path === "/pipeline" || path === "/multi-exec";
    const commands = batch ? body : [body];
    if (!Array.isArray(commands) || commands.length === 0 || !commands.every(isCommand)) {
      return [400, { error: "ERR failed to parse command" }];
    }
    const stringified = commands.map((c) => c.map((arg) => String(arg)));
    requests.push({ path, commands: stringified });
    const connection = await acquire();
    try {
      const outcome = await executeOn(connection, path, stringified, base64);
      idle.push(connection);
      return outcome;
    } catch (error) {
      // A connection that failed mid-command may still hold unread replies: drop it.
      all.delete(connection);
      void connection.close();
      throw error;
    }
  }

  async function executeOn(
    connection: RespConnection,
    path: string,
    commands: string[][],
    base64: boolean,
  ): Promise<[number, unknown]> {
    if (path === "/") {
      const result = reply(await run(connection, commands[0]!), base64);
      return ["error" in result ? 400 : 200, result];
    }
    if (path === "/pipeline") {
      const results: Reply[] = [];
      for (const command of commands) results.push(reply(await run(connection, command), base64));
      return [200, results];
    }
    await connection.send(["MULTI"]);
    for (const command of commands) {
      const queued = await run(connection, command);
      if (queued instanceof RespError) {
        await connection.send(["DISCARD"]);
        return [400, { error: queued.message }];
      }
    }
    const exec = await connection.send(["EXEC"]);
    if (!Array.isArray(exec)) return [400, { error: exec instanceof RespError ? exec.message : "EXECABORT" }];
    return [200, exec.map((item) => reply(item, base64))];
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method !== "POST" || !["/", "/pipeline", "/multi-exec"].includes(path)) {
      return send(404, { error: `ERR unsupported ${req.method} ${path}` });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(400, { error: "ERR failed to parse JSON body" });
    }
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const [status, payload] = await execute(path, body, base64);
    send(status, payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `ERR proxy: ${(error as Error).message}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...all].map((c) => c.close()));
    },
  };
}
