// bun run accuracy: replays the vendored Sparkov sample through the engine (default settings) and writes
// docs/accuracy.md (precision, recall and F1 beside an amount-only baseline, and what the data cannot show).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSparkovPayments } from "@orylo/testkit";
import { measureAccuracy, metricsOf } from "./lib/accuracy";
import { renderAccuracyDoc } from "./lib/accuracy-doc";

const ACCURACY_DOC = join(import.meta.dirname, "..", "docs", "accuracy.md");

const payments = loadSparkovPayments();
const run = measureAccuracy(payments);
writeFileSync(ACCURACY_DOC, renderAccuracyDoc(run, payments, "bun run accuracy"));
for (const [name, matrix] of [
  ["BLOCK", run.block],
  ["BLOCK+REVIEW", run.blockOrReview],
  ["amount-only", run.baseline.confusion],
] as const) {
  const { precision, recall, f1 } = metricsOf(matrix);
  console.log(
    `${name}: precision ${precision?.toFixed(3) ?? "n/a"} recall ${recall?.toFixed(3) ?? "n/a"} F1 ${f1?.toFixed(3) ?? "n/a"}`,
  );
}
console.log(`wrote ${ACCURACY_DOC}`);
