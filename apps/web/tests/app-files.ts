import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The App Router's directory: the walks over every route handler and server action start here. */
export const APP_DIR = fileURLToPath(new URL("../src/app", import.meta.url));

/**
 * Every file under `src/app` whose name ends with `suffix` (`route.ts`, `actions.ts`), relative to it with `/`,
 * sorted. Found on disk, so a route or action added tomorrow is covered without editing the test.
 */
export function appFilesNamed(suffix: string): string[] {
  return readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.replaceAll("\\", "/"))
    .sort();
}

/** One of those files, imported as the app would: its exports by name. */
export async function importAppModule<Export = unknown>(file: string): Promise<Record<string, Export>> {
  return (await import(pathToFileURL(join(APP_DIR, file)).href)) as Record<string, Export>;
}
