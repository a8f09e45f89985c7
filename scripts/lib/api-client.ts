import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "@orylo/platform";

/**
 * Scripts that read the running app go through its API v1, so they work while the app holds the embedded
 * database. The key: `--key`, `ORYLO_API_KEY`, else the demo merchant's (ORYLO_DEMO_API_KEY or the data dir).
 */
export function apiClient(argv: string[] = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: { url: { type: "string" }, key: { type: "string" } },
    strict: false,
  });
  const config = loadConfig();
  const baseUrl = String(values.url ?? `http://localhost:${config.port}`);
  const key = String(
    values.key ?? process.env.ORYLO_API_KEY ?? config.demo.apiKey ?? demoKey(config.dataDir) ?? "",
  );
  if (!key) throw new Error("No API key: pass --key ork_… or set ORYLO_API_KEY.");
  return async function get<T>(path: string): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } }).catch(
      (error: unknown) => {
        throw new Error(`Cannot reach the app at ${baseUrl} (${(error as Error).message}): is it running?`);
      },
    );
    const body = await response.json();
    if (!response.ok) throw new Error(`${response.status}: ${body?.error?.message ?? JSON.stringify(body)}`);
    return body as T;
  };
}

function demoKey(dataDir: string): string | null {
  try {
    return (
      (JSON.parse(readFileSync(join(dataDir, "demo.json"), "utf8")) as { apiKey?: string }).apiKey ?? null
    );
  } catch {
    return null;
  }
}
