import { normalizeCharge } from "@orylo/core";
// Engine benchmark: `evaluate(transaction, features, settings, options)` on one thread, features pre-computed.
import {
  DEFAULT_ENGINE_SETTINGS,
  DETECTORS,
  evaluate,
  type FeatureVector,
  streamFeatures,
  type Transaction,
} from "@orylo/engine";
import { simulatedTraffic } from "@orylo/testkit/scenarios";
import { BENCH_LISTS, benchRules } from "../lib/bench-rules";
import { type BenchSize, bySize } from "../lib/bench-size";
import type { RunReport } from "../lib/benchmarks-doc";
import { count, ms, summarize, verdict } from "../lib/latency-stats";

type Input = { transaction: Transaction; features: FeatureVector };

/** Ordinary shoppers over two weeks plus card-testing bursts, as the app would score them (in time order). */
function prepareInputs(size: BenchSize): Input[] {
  const shoppers = bySize(size, { tiny: 2_000, small: 20_000, full: 100_000 });
  const traffic = [1, 2, 3].flatMap((part) =>
    simulatedTraffic({
      seed: 1_000 + part,
      end: new Date(Date.UTC(2025, 5, 1) + part * 5 * 86_400_000),
      shoppers: Math.ceil(shoppers / 3),
      days: 5,
      burstCards: 200,
    }),
  );
  return [...streamFeatures(traffic.map(({ event }) => normalizeCharge(event.data.object)))];
}

export async function runEngineBenchmark(size: BenchSize, command: string): Promise<RunReport> {
  const prepareStart = performance.now();
  const inputs = prepareInputs(size);
  const prepareMs = performance.now() - prepareStart;
  const settings = DEFAULT_ENGINE_SETTINGS;
  const options = { rules: benchRules(), lists: BENCH_LISTS };
  const decisions = { ALLOW: 0, REVIEW: 0, BLOCK: 0 } as Record<string, number>;

  // Warm-up: let the JIT settle before anything is timed.
  for (const { transaction, features } of inputs) evaluate(transaction, features, settings, options);

  // Latency: each call timed on its own, three passes.
  const latencies: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    for (const { transaction, features } of inputs) {
      const start = performance.now();
      const evaluation = evaluate(transaction, features, settings, options);
      latencies.push(performance.now() - start);
      if (pass === 0) decisions[evaluation.decision] = (decisions[evaluation.decision] ?? 0) + 1;
      if (evaluation.failedDetectors.length > 0) {
        throw new Error(
          `detectors failed on ${transaction.chargeId}: ${evaluation.failedDetectors.join(", ")}`,
        );
      }
    }
  }

  // Throughput: back-to-back calls without per-call timers, for at least two seconds.
  let evaluated = 0;
  let checksum = 0;
  const throughputStart = performance.now();
  while (performance.now() - throughputStart < 2_000) {
    for (const { transaction, features } of inputs)
      checksum += evaluate(transaction, features, settings, options).riskScore;
    evaluated += inputs.length;
  }
  const perSecond = evaluated / ((performance.now() - throughputStart) / 1000);
  if (!Number.isFinite(checksum)) throw new Error("risk scores are not numbers");

  const stats = summarize(latencies);
  return {
    section: "engine",
    size,
    command,
    rows: [
      ["transactions (distinct)", count(inputs.length), "", ""],
      ["evaluations timed", count(stats.count), "", ""],
      ["p50 per evaluation", ms(stats.p50), "", ""],
      ["p99 per evaluation", ms(stats.p99), "< 1 ms", verdict(stats.p99 < 1)],
      ["max per evaluation", ms(stats.max), "", ""],
      ["throughput, one thread", `${count(perSecond)}/s`, "≥ 20 000/s", verdict(perSecond >= 20_000)],
    ],
    notes: [
      `All ${DETECTORS.length} detectors (${DETECTORS.map((d) => d.name).join(", ")}) and ${options.rules.length} ` +
        "enforced rules (thresholds, attribute comparisons, a 1 000-item list: scripts/lib/bench-rules.ts).",
      `Inputs: \`simulatedTraffic\` (3 × ${Math.ceil(inputs.length / 3)} charges with card-testing bursts) → ` +
        `\`streamFeatures\`, prepared in ${ms(prepareMs)} (not timed); default settings.`,
      `Decisions on the first pass: ${Object.entries(decisions)
        .map(([decision, n]) => `${decision} ${count(n)}`)
        .join(", ")}.`,
    ],
  };
}
