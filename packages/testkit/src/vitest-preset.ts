import type { ViteUserConfig } from "vitest/config";

/**
 * One switch for every package: `bun run test` runs the suites that need nothing but Node and Bun,
 * `bun run test:full` (ORYLO_TEST_SUITE=full) runs the ones that need a PostgreSQL server or a browser
 * (`*.pg.test.ts`, `*.e2e.test.ts`). The full suites fail, never skip, when their binary is missing.
 */
export function suiteConfig(overrides: ViteUserConfig["test"] = {}): ViteUserConfig {
  const full = process.env.ORYLO_TEST_SUITE === "full";
  const serverSuites = ["**/*.pg.test.ts", "**/*.e2e.test.ts"];
  return {
    test: {
      include: full ? serverSuites : ["**/*.test.ts"],
      exclude: full ? ["**/node_modules/**"] : ["**/node_modules/**", ...serverSuites],
      passWithNoTests: !full,
      // Scenario tests send dozens of webhooks through PGlite in one process: a few seconds on an idle
      // machine, but CI shares its cores (turbo runs the packages in parallel), so a hang still fails in
      // minutes while a slow machine does not fail at all.
      testTimeout: 90_000,
      hookTimeout: 120_000,
      ...overrides,
    },
  };
}
