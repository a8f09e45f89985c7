import { fileURLToPath } from "node:url";

/** Root of the vendored third-party fixtures; resolved from this file so tests never read outside the repo. */
const FIXTURES_ROOT = new URL("../fixtures/", import.meta.url);

/** Absolute path of a file under `packages/testkit/fixtures/`, e.g. `testkitFixturePath("sparkov", "x.csv")`. */
export function testkitFixturePath(...segments: string[]): string {
  return fileURLToPath(new URL(segments.join("/"), FIXTURES_ROOT));
}
