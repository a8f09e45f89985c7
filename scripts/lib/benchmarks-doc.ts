import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { BenchSize } from "./bench-size";
import { wasInterrupted } from "./cleanup-on-interrupt";

const ROOT = join(import.meta.dirname, "..", "..");
export const BENCHMARKS_DOC = join(ROOT, "docs", "benchmarks.md");

/** The sections of docs/benchmarks.md, in order; each holds one block per size, rewritten by its run. */
const SECTIONS = {
  engine: "Engine: `evaluate` with the features given",
  "live-features-pg": "Live features on PostgreSQL",
  "live-features-pglite": "Live features on PGlite (comparison)",
  "evaluate-pg": "Pre-payment API: `evaluatePayment` on PostgreSQL",
  "backtest-pg": "Backtest: one new rule over the stored history on PostgreSQL",
  "backtest-replay": "Backtest replay in memory (`startBacktest`, no database)",
  "webhook-pg": "Webhook verb in-process (`receiveStripeWebhook` on PostgreSQL, no HTTP)",
  "detections-list-pg": "Detections list with filters on PostgreSQL",
  load: "Webhook end to end (`next start` + PostgreSQL)",
  "load-pglite": "Webhook end to end (`next start` + embedded PGlite)",
  "load-worker": "Webhook end to end (`next start` + PostgreSQL, tasks in `bun run worker`)",
} as const;
export type SectionName = keyof typeof SECTIONS;
const SIZES: BenchSize[] = ["full", "small", "tiny"];

const HEADER = `# Benchmarks

Written by \`bun run bench\` and \`bun run load\` (\`-- --size tiny|small|full\`, or \`ORYLO_BENCH_SIZE\`);
each run rewrites its own block below. Targets are SPEC §G. **How to read this:** latencies are
per operation, measured on the machine named in the block, with the load generator on the same machine
(so end-to-end figures include its CPU use); compare a block only with another from the same size and
machine. \`tiny\` blocks are CI smoke runs: their figures are not measurements against the targets.
A missed target is reported here, never failed on. Each block records the load average while it was
written: figures taken on a shared machine are pessimistic. What limits each figure:
[performance.md](performance.md).
`;

export interface RunReport {
  section: SectionName;
  size: BenchSize;
  command: string;
  /** Markdown table rows: [what, value, target, verdict]. */
  rows: [string, string, string, string][];
  notes?: string[];
}

export function machineLine(): string {
  const cores = cpus();
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  const { bun, node } = process.versions;
  const runtime = bun ? `Bun ${bun}` : `Node ${node}`;
  return `${cores[0]?.model ?? "unknown CPU"}, ${cores.length} cores, ${memory} RAM, ${runtime}`;
}

/**
 * The load averages (1, 5, 15 min, as `uptime` shows them) against the core count: figures taken while other
 * work shares the cores are pessimistic, and this says by how much the machine was shared.
 */
export function machineLoad(): string {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen} (1, 5, 15 min) on ${cpus().length} cores`;
}

export function gitCommit(): string {
  try {
    const run = (args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = run(["status", "--porcelain", "--untracked-files=no"]) !== "";
    return `${run(["rev-parse", "--short", "HEAD"])}${dirty ? " (+ uncommitted changes)" : ""}`;
  } catch {
    return "unknown";
  }
}

function renderBlock(report: RunReport): string {
  const smoke = report.size === "tiny" ? " — smoke run, not a measurement against the targets" : "";
  return [
    `### Size \`${report.size}\`${smoke}`,
    "",
    `- date: ${new Date().toISOString()}`,
    `- machine: ${machineLine()}`,
    `- machine load when written: ${machineLoad()}`,
    `- command: \`${report.command}\``,
    `- commit: ${gitCommit()}`,
    "",
    ...table(["what", "measured", "target", ""], report.rows),
    ...(report.notes?.length ? ["", ...report.notes.map((note) => `- ${note}`)] : []),
  ].join("\n");
}

/** A Markdown table with aligned columns (as the formatter leaves it, so a run leaves `biome check` clean). */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, i) => Math.max(3, cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];
}

const BLOCK = /<!-- block ([\w-]+):(\w+) -->\n([\s\S]*?)\n<!-- \/block -->/g;

function readBlocks(): Map<string, string> {
  const blocks = new Map<string, string>();
  if (!existsSync(BENCHMARKS_DOC)) return blocks;
  for (const match of readFileSync(BENCHMARKS_DOC, "utf8").matchAll(BLOCK)) {
    blocks.set(`${match[1]}:${match[2]}`, match[3]!);
  }
  return blocks;
}

/** Rewrites this run's block (section × size) in docs/benchmarks.md, keeping every other block. */
export function writeReport(report: RunReport): void {
  if (wasInterrupted()) return;
  const blocks = readBlocks();
  blocks.set(`${report.section}:${report.size}`, renderBlock(report));
  const parts = [HEADER];
  for (const [name, title] of Object.entries(SECTIONS)) {
    const present = SIZES.filter((size) => blocks.has(`${name}:${size}`));
    if (present.length === 0) continue;
    parts.push(`## ${title}\n`);
    for (const size of present) {
      parts.push(`<!-- block ${name}:${size} -->\n${blocks.get(`${name}:${size}`)}\n<!-- /block -->\n`);
    }
  }
  writeFileSync(BENCHMARKS_DOC, parts.join("\n"));
}

/** Prints the report to the console too (CI logs show the figures without opening the file). */
export function printReport(report: RunReport): void {
  if (wasInterrupted()) {
    console.log("\ninterrupted: figures incomplete, not reported");
    return;
  }
  console.log(`\n${SECTIONS[report.section]} — size ${report.size}`);
  for (const [what, value, target, met] of report.rows) {
    console.log(`  ${what.padEnd(44)} ${value.padEnd(16)} ${target.padEnd(14)} ${met.replaceAll("*", "")}`);
  }
  for (const note of report.notes ?? []) console.log(`  note: ${note}`);
}
