import { parseArgs } from "node:util";

export const BENCH_SIZES = ["tiny", "small", "full"] as const;
export type BenchSize = (typeof BENCH_SIZES)[number];

export interface BenchArgs {
  size: BenchSize;
  /** Benchmark names to run (bench only); empty = all. */
  only: string[];
}

/** `--size tiny|small|full` (or ORYLO_BENCH_SIZE, default small) and, for `bench`, the benchmarks to run. */
export function readBenchArgs(argv: string[] = process.argv.slice(2)): BenchArgs {
  const { values, positionals } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: { size: { type: "string" } },
    allowPositionals: true,
  });
  const size = values.size ?? process.env.ORYLO_BENCH_SIZE ?? "small";
  if (!(BENCH_SIZES as readonly string[]).includes(size)) {
    throw new Error(`--size must be one of ${BENCH_SIZES.join(", ")} (got ${size})`);
  }
  return { size: size as BenchSize, only: positionals };
}

/** Picks the value for a size. */
export function bySize<T>(size: BenchSize, values: Record<BenchSize, T>): T {
  return values[size];
}

/** The command line as typed, for the report. */
export function commandLine(script: "bench" | "load", size: BenchSize, only: string[] = []): string {
  return ["bun run", script, "--", "--size", size, ...only].join(" ");
}
