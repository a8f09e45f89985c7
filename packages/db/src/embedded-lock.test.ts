import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from "./embedded-lock";

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "orylo-lock-"));
  dirs.push(dir);
  return dir;
}

function writeHolder(dir: string, pid: number) {
  writeFileSync(
    join(dir, LOCK_FILE_NAME),
    JSON.stringify({ pid, startedAt: new Date().toISOString(), token: "someone-else" }),
  );
}

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

describe("acquireDataDirLock", () => {
  it("creates the lock file with our pid and removes it on release", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    const path = join(dir, LOCK_FILE_NAME);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(path)).toBe(false);
    lock.release();
  });

  it("creates a missing data directory", () => {
    const dir = join(tempDir(), "nested", "data");
    acquireDataDirLock(dir).release();
    expect(existsSync(dir)).toBe(true);
  });

  it("refuses a second opener while the holder (this very process) is alive", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(
      `The embedded database in ${dir} is open by process ${process.pid} (the app?). Stop it, or talk to it over its API`,
    );
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it("refuses while another live process holds it, and takes over once that process is gone", async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    children.push(holder);
    writeHolder(dir, holder.pid!);
    const error = (() => {
      try {
        acquireDataDirLock(dir);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect(error).toMatchObject({ code: "DATA_DIR_LOCKED", holderPid: holder.pid });

    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const lock = acquireDataDirLock(dir);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a stale lock whose process has exited", async () => {
    const dir = tempDir();
    writeHolder(dir, await exitedPid());
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it("treats an unreadable lock file as held, and says which file to delete", () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE_NAME), "");
    expect(() => acquireDataDirLock(dir)).toThrow(`delete ${join(dir, LOCK_FILE_NAME)}`);
  });

  it("does not remove a lock that someone else took over in the meantime", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    writeHolder(dir, process.pid);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
  });
});

describe("openDatabase with a PGlite data directory", () => {
  it("holds the lock while open, so a second opener fails with DataDirLockedError", async () => {
    const dir = tempDir();
    const handle = await openDatabase({ driver: "pglite", dataDir: dir });
    try {
      await expect(openDatabase({ driver: "pglite", dataDir: dir })).rejects.toThrow(DataDirLockedError);
    } finally {
      await handle.close();
    }
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});
