import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The monorepo's root (the folder with `turbo.json`), found upwards from `start`. The app runs with its cwd in
 * apps/web and the scripts at the root: relative paths such as the default data dir must mean the same folder
 * for both, or `bun run simulate` would sign with another secret than the app's. Falls back to `start`.
 */
export function projectRoot(start: string = process.cwd()): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "turbo.json"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
