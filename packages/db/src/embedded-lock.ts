import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Only one process may open an embedded (PGlite) database: two instances on one directory corrupt it
 * (ARCHITECTURE §2). The lock is a file created with `wx` (fails if it exists) holding the holder's pid;
 * a lock whose process is gone is stale and taken over.
 */
export const LOCK_FILE_NAME = "orylo.lock";

export interface DataDirLockHolder {
  pid: number;
  startedAt: string;
  token: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: DataDirLockHolder;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

export class DataDirLockedError extends Error {
  readonly code = "DATA_DIR_LOCKED";
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
    readonly lockPath: string,
  ) {
    const who = holderPid === undefined ? "another process" : `process ${holderPid}`;
    super(
      `The embedded database in ${dataDir} is open by ${who} (the app?). Stop it, or talk to it over its API ` +
        `instead of opening the database directly. If no such process is running, delete ${lockPath}.`,
    );
    this.name = "DataDirLockedError";
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE_NAME);
  mkdirSync(dir, { recursive: true });
  const holder: DataDirLockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };

  // A few rounds at most: each round either wins the file, fails on a live holder, or removes a stale one.
  for (let round = 0; round < 5; round++) {
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: "wx" });
      return createLock(path, holder);
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
    }
    const current = readHolder(path);
    if (current === "missing") continue;
    // Unreadable content: a holder still writing it (or a crash mid-write, which the message explains).
    if (current === "unreadable" || isAlive(current.pid)) {
      throw new DataDirLockedError(dir, current === "unreadable" ? undefined : current.pid, path);
    }
    takeOverStale(path, current);
  }
  throw new DataDirLockedError(dir, undefined, path);
}

function createLock(path: string, holder: DataDirLockHolder): DataDirLock {
  let released = false;
  // A normal exit removes the lock; a crash leaves a stale one that the next opener takes over.
  const onExit = () => release();
  process.once("exit", onExit);
  function release() {
    if (released) return;
    released = true;
    process.removeListener("exit", onExit);
    const current = readHolder(path);
    if (typeof current === "object" && current.token === holder.token) rmSync(path, { force: true });
  }
  return { path, holder, release };
}

/**
 * Two openers may see the same stale lock: each renames it away (atomic, only one wins) and checks it moved
 * the stale file, not a fresh lock the other opener created in between; a fresh one is put back.
 */
function takeOverStale(path: string, stale: DataDirLockHolder) {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (isErrno(error, "ENOENT")) return;
    throw error;
  }
  const moved = readHolder(aside);
  if (typeof moved !== "object" || moved.token !== stale.token) {
    // link() fails if the path exists, like `wx`, and restores the file byte for byte.
    try {
      linkSync(aside, path);
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
    }
  }
  rmSync(aside, { force: true });
}

function readHolder(path: string): DataDirLockHolder | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (isErrno(error, "ENOENT")) return "missing";
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<DataDirLockHolder>;
    if (typeof parsed.pid === "number" && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, startedAt: String(parsed.startedAt), token: String(parsed.token) };
    }
  } catch {}
  return "unreadable";
}

/** Signal 0 checks existence without signalling; EPERM means it exists under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, "EPERM");
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
