// bun run jobs [--status dead] [--task detection.explain] [--limit 50] [--url …] [--key ork_…]
// Lists the organization's background task runs from the running app (GET /api/v1/jobs): status,
// attempts and the last error of each. Trigger.dev mode: the same rows, and the runs' own pages in the
// Trigger.dev dashboard (docs/background-tasks.md).
import { parseArgs } from "node:util";
import type { JobList } from "@orylo/core";
import { apiClient } from "./lib/api-client";

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { status: { type: "string" }, task: { type: "string" }, limit: { type: "string", default: "50" } },
  strict: false,
});
const query = new URLSearchParams({ limit: String(args.limit) });
if (args.status) query.set("status", String(args.status));
if (args.task) query.set("task", String(args.task));

try {
  const { data } = await apiClient()<JobList>(`/api/v1/jobs?${query}`);
  if (data.length === 0) console.log("No task runs.");
  for (const run of data) {
    const error = run.lastError ? `  ${run.lastError.split("\n")[0]?.slice(0, 100)}` : "";
    console.log(
      `${run.createdAt}  ${run.task.padEnd(20)} ${run.status.padEnd(8)} attempts ${run.attempts}${error}`,
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
