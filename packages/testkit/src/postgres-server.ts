import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port";

const run = promisify(execFile);

export interface PostgresServer {
  /** A fresh, empty database on the server. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL for the full suite: initdb into a temp dir and pg_ctl start on a free port, the unix
 * socket kept in that dir so nothing collides with a system server. With `ORYLO_TEST_DATABASE_URL` set, a
 * fresh database is created on that server instead (and dropped by `stop`), and `settings` are not applied.
 * Never skips: a missing binary is a failure with the command that fixes it.
 */
export async function startPostgresServer({
  settings = {},
}: {
  settings?: Record<string, string>;
} = {}): Promise<PostgresServer> {
  const external = process.env.ORYLO_TEST_DATABASE_URL;
  if (external) return createScratchDatabase(external, async () => {});

  const bin = findPostgresBin();
  const dir = mkdtempSync(join(tmpdir(), "orylo-pg-"));
  const dataDir = join(dir, "data");
  // initdb refuses to run as root: run the server as the postgres user, who must own the directory.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, ...postgresIds());
  const exec = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args]) : run(join(bin, tool), args);
  const superuser = asRoot ? "postgres" : userInfo().username;

  const port = await freePort();
  const stopServer = async () => {
    await exec("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await exec("initdb", ["-D", dataDir, "-U", superuser, "--auth=trust", "--no-sync", "-E", "UTF8"]);
    const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`);
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${extra.join("")}`;
    await exec("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", join(dir, "server.log"), "-w", "start"]);
  } catch (error) {
    await stopServer();
    throw new Error(`Could not start PostgreSQL from ${bin}: ${String(error)}`);
  }
  return createScratchDatabase(`postgres://${superuser}@127.0.0.1:${port}/postgres`, stopServer);
}

async function createScratchDatabase(
  serverUrl: string,
  stopServer: () => Promise<void>,
): Promise<PostgresServer> {
  const name = `orylo_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    await stopServer();
    throw error;
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl });
      try {
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
      } catch {
        // The server itself goes away below, or it is someone else's: a leftover scratch database is harmless.
      } finally {
        await client.end().catch(() => {});
      }
      await stopServer();
    },
  };
}

/** PATH first, then Debian's /usr/lib/postgresql/<version>/bin, newest version first. */
export function findPostgresBin(): string {
  const candidates = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, "bin")));
  }
  const found = candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
  if (!found) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin. " +
        "The full test suite needs them: `apt-get install -y postgresql` (or set ORYLO_TEST_DATABASE_URL).",
    );
  }
  return found;
}

function postgresIds(): [number, number] {
  try {
    const { uid, gid } = userInfoOf("postgres");
    return [uid, gid];
  } catch {
    throw new Error(
      "Running as root, the test PostgreSQL must run as the `postgres` user, which does not exist: " +
        "`apt-get install -y postgresql` creates it.",
    );
  }
}

function userInfoOf(name: string): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name}`);
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}
