import type { BacktestResult } from "@orylo/core";
import { KeyValueList } from "@/components/ui/key-value-list";
import type { Dictionary } from "@/i18n/en";

/** What the rule would have done over the stored payments, against what is known to be fraud. */
export function BacktestSummary({ result, t }: { result: BacktestResult; t: Dictionary["rules"] }) {
  const { decisions, accuracy } = result.candidate;
  const rows: [string, number][] = [
    [t.btPayments, result.payments],
    [t.btBlocked, decisions.BLOCK.count],
    [t.btReviewed, decisions.REVIEW.count],
    [t.btFraudCaught, accuracy.fraudBlocked + accuracy.fraudReviewed],
    [t.btLegitHit, accuracy.legitimateBlocked + accuracy.legitimateReviewed],
  ];
  return (
    <section className="card" aria-label={t.backtest} data-testid="backtest">
      <KeyValueList rows={rows} />
      {result.caveats.length > 0 ? (
        <ul className="muted">
          {result.caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
