import type { SparkovPayment } from "@orylo/testkit";
import { type AccuracyRun, type Confusion, metricsOf, REFERENCE_FRAUD_RATE } from "./accuracy";
import { gitCommit, machineLine, table } from "./benchmarks-doc";

const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)} %`);
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function row(name: string, matrix: Confusion): string[] {
  const metrics = metricsOf(matrix);
  return [
    name,
    String(matrix.tp),
    String(matrix.fp),
    String(matrix.fn),
    String(matrix.tn),
    percent(metrics.precision),
    percent(metrics.recall),
    percent(metrics.f1),
    percent(metrics.precisionAtReferenceRate),
  ];
}

/** When each label's rows were made and by how many cards: the sample's shape, which bounds what it shows. */
function labelShape(payments: readonly SparkovPayment[], fraud: boolean) {
  const rows = payments.filter((payment) => payment.isFraud === fraud);
  const times = rows.map((payment) => payment.at.toISOString().slice(0, 16).replace("T", " "));
  return {
    count: rows.length,
    first: times[0],
    last: times.at(-1),
    cards: new Set(rows.map((p) => p.cardKey)),
  };
}

export function renderAccuracyDoc(
  run: AccuracyRun,
  payments: readonly SparkovPayment[],
  command: string,
): string {
  const { report } = run;
  const a = report.candidate.accuracy;
  const decisions = report.candidate.decisions;
  const flagged = run.blockOrReview.tp + run.blockOrReview.fp;
  const legitimate = labelShape(payments, false);
  const fraud = labelShape(payments, true);
  const shared = [...fraud.cards].filter((card) => legitimate.cards.has(card)).length;
  const why = [...report.examples.fraudCaught, ...report.examples.legitimateHit]
    .map((example) => `\`${example.why}\` (${example.verdict}, ${dollars(example.amount)})`)
    .join("; ");
  return `# Accuracy on the Sparkov sample

How well the engine, as shipped (every detector, no merchant rules, default settings: BLOCK at a score of
80, REVIEW at 20), separates fraud from legitimate payments on a public labelled dataset — and what that
dataset cannot tell us. Written by \`bun run accuracy\`; do not edit by hand.

- date: ${new Date().toISOString()}
- machine: ${machineLine()}
- command: \`${command}\`
- commit: ${gitCommit()}
- data: \`packages/testkit/fixtures/sparkov/fraudTest_balanced2144rows.csv\` — ${a.fraud + a.legitimate}
  payments (${a.fraud} fraud, ${a.legitimate} legitimate), ${report.from.slice(0, 10)} → ${report.to.slice(0, 10)}.
  It is a balanced sample of Sparkov's \`fraudTest.csv\` published by daniellereale/ML-Project (MIT; source,
  commit and licence in \`fixtures/sparkov/SOURCES.tsv\`), vendored as is (576 KB, small enough for git):
  no sampling of ours. How that project drew it shows in the data: the ${legitimate.count} legitimate rows run
  ${legitimate.first} → ${legitimate.last} UTC (${legitimate.cards.size} cards), the ${fraud.count} fraud rows
  ${fraud.first} → ${fraud.last} (${fraud.cards.size} cards, ${shared} of them also in the legitimate rows):
  the first rows of each label in \`fraudTest.csv\`.

## How it is replayed

Each row becomes the charge the engine would see (\`scripts/lib/accuracy.ts\`): a succeeded USD card payment
with the row's time and amount, the card number hashed into the card fingerprint, street + ZIP hashed into the
billing-address key, US card and billing country. The rows go, in time order, through the engine's own
backtest (\`backtestRules\` in \`packages/engine\`): one streaming feature evaluator sees every payment, so
each payment is scored on the features live would have computed, then judged against its \`is_fraud\` label.

## Results

${table(
  ["flagged when", "TP", "FP", "FN", "TN", "precision", "recall", "F1", "precision at 0.5 %"],
  [
    row("engine: BLOCK", run.block),
    row("engine: BLOCK or REVIEW", run.blockOrReview),
    row(`amount ≥ ${dollars(run.baseline.threshold)} (best F1)`, run.baseline.confusion),
    row(
      `amount ≥ ${dollars(run.sameVolumeBaseline.threshold)} (same volume)`,
      run.sameVolumeBaseline.confusion,
    ),
  ],
).join("\n")}

- Engine decisions: ALLOW ${decisions.ALLOW.count}, REVIEW ${decisions.REVIEW.count}, BLOCK ${decisions.BLOCK.count}.
- Amount-only baseline: flag a payment when its amount is at least the threshold. "Best F1" is the threshold
  with the highest F1 on this very sample (chosen in-sample, so the baseline's best case); "same volume" flags
  as many payments (${flagged}) as the engine's BLOCK + REVIEW, so the two rank the same budget of reviews.
- Precision at 0.5 %: this sample is 50 % fraud, real card traffic is nearer ${REFERENCE_FRAUD_RATE * 100} %.
  Keeping recall (TPR) and the false-positive rate FPR = FP / (FP + TN) and changing only the fraud rate π:
  precision_π = TPR·π / (TPR·π + FPR·(1 − π)), with π = ${REFERENCE_FRAUD_RATE}.
- Why payments were flagged (first examples): ${why || "none"}.

## What this dataset can and cannot show

- It is synthetic (Sparkov, generated by a simulator from customer profiles), not Stripe traffic; its fraud
  was written by the simulator's authors. On this sample amount alone separates the classes well (table), so
  an amount threshold chosen on it looks far better than it would on a real merchant, and anything tuned to
  it learns the generator. Its 50 % fraud rate also flatters raw precision (hence the re-weighted column).
- It holds only succeeded, authorized payments: no declines, hence no card-testing bursts, no
  decline-rate or tiny-amount probing — the attacks the card-testing, merchant-card-testing and tiny-amount
  detectors exist for never occur here, so this sample cannot measure them.
- It has no email, IP, device, user agent, CVC/AVS/3DS result or Radar score: every detector and feature
  reading those sees "unknown". Real integrations send them (docs/webhooks.md).
- The sample is not a stream: six hours of legitimate traffic, then three months of nothing but fraud. Time
  alone separates the labels; a card's legitimate history is at most six hours old when its fraud starts,
  and from then on the windows fill with fraud only. Velocity therefore fires on fraud bursts per card (which
  Sparkov does generate), but false-positive figures rest on 1 072 payments from one afternoon.
- It mixes hundreds of merchants and categories in one stream, so there is no single merchant's baseline to
  learn, and each card's history is thin.
- So this page shows what the detectors catch from amount and card-velocity signals alone, and that they do
  not reproduce a label set driven by amount. It cannot show accuracy on a real merchant's traffic;
  that needs the merchant's own labelled history (\`bun run backtest\`), where disputes and marks are the labels.
`;
}
