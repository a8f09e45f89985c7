import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findMigrationsFolder } from "./migrate";

const repoRoot = resolve(import.meta.dirname, "../../..");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("findMigrationsFolder", () => {
  it("walks up from the app's or a package's directory to the repository's drizzle/", () => {
    vi.stubEnv("ORYLO_MIGRATIONS_DIR", "");
    expect(findMigrationsFolder(join(repoRoot, "apps", "web"))).toBe(join(repoRoot, "drizzle"));
    expect(findMigrationsFolder(import.meta.dirname)).toBe(join(repoRoot, "drizzle"));
    expect(findMigrationsFolder(repoRoot)).toBe(join(repoRoot, "drizzle"));
  });

  it("fails with a clear message outside the repository", () => {
    vi.stubEnv("ORYLO_MIGRATIONS_DIR", "");
    const dir = mkdtempSync(join(tmpdir(), "orylo-nomigrations-"));
    try {
      expect(() => findMigrationsFolder(dir)).toThrow("set ORYLO_MIGRATIONS_DIR");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses ORYLO_MIGRATIONS_DIR when set, and checks it holds a journal", () => {
    const dir = mkdtempSync(join(tmpdir(), "orylo-migrations-"));
    try {
      vi.stubEnv("ORYLO_MIGRATIONS_DIR", dir);
      expect(() => findMigrationsFolder(repoRoot)).toThrow("has no meta/_journal.json");
      mkdirSync(join(dir, "meta"));
      writeFileSync(join(dir, "meta", "_journal.json"), "{}");
      expect(findMigrationsFolder(repoRoot)).toBe(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
