import { getAiFeedback, getAiUsage } from "@orylo/core";
import Link from "next/link";
import { format } from "@/i18n/format";
import { pageContext } from "@/server/dashboard/page-context";

const percent = (rate: number | null, locale: string) =>
  rate === null
    ? "—"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);
const usd = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 2 }).format(
    value,
  );

// GET /ai — this month's AI usage against the budget, the cache hit rate, and how proposals were received.
export default async function AiPage() {
  const { ctx, locale, t } = await pageContext();
  const [usage, feedback] = await Promise.all([getAiUsage(ctx), getAiFeedback(ctx, { days: 30 })]);
  const a = t.ai;
  const spent = usage.budget.monthlyBudgetUsd > 0 ? usage.budget.spentUsd / usage.budget.monthlyBudgetUsd : 0;
  const answered = feedback.byKind.reduce((sum, kind) => sum + kind.total, 0);
  const taken = feedback.byKind.reduce((sum, kind) => sum + kind.accepted + kind.edited, 0);
  return (
    <>
      <h1>{a.title}</h1>
      <p>
        <Link href="/ai/inbox" className="button primary">
          {t.aiInbox.open}
        </Link>
      </p>
      <section className="stats" aria-label={a.title}>
        <div className="card">
          <p className="muted">{format(a.budget, { month: usage.month })}</p>
          <p className="stat-value">
            {usd(usage.budget.spentUsd, locale)} / {usd(usage.budget.monthlyBudgetUsd, locale)}
          </p>
          <meter
            className="meter"
            min={0}
            max={1}
            low={0.75}
            high={0.999}
            optimum={0}
            value={Math.min(1, spent)}
            aria-label={a.budgetUsed}
          />
          <p className="muted">{a.state[usage.budget.state]}</p>
        </div>
        <div className="card">
          <p className="muted">{a.calls}</p>
          <p className="stat-value">{usage.totals.calls}</p>
          <p className="muted">
            {format(a.tokens, { input: usage.totals.inputTokens, output: usage.totals.outputTokens })}
          </p>
        </div>
        <div className="card">
          <p className="muted">{a.cacheHitRate}</p>
          <p className="stat-value">{percent(usage.totals.cacheHitRate, locale)}</p>
          <p className="muted">{format(a.cacheHits, { count: usage.totals.cacheHits })}</p>
        </div>
        <div className="card">
          <p className="muted">{a.acceptance}</p>
          <p className="stat-value">{percent(answered === 0 ? null : taken / answered, locale)}</p>
          <p className="muted">{format(a.answered, { count: answered })}</p>
        </div>
      </section>
      <h2>{a.byFeature}</h2>
      {usage.rows.length === 0 ? (
        <p className="muted">{a.noUsage}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{a.feature}</th>
                <th scope="col">{a.provider}</th>
                <th scope="col" className="num">
                  {a.calls}
                </th>
                <th scope="col" className="num">
                  {a.errors}
                </th>
                <th scope="col" className="num">
                  {a.cost}
                </th>
                <th scope="col" className="num">
                  {a.latency}
                </th>
              </tr>
            </thead>
            <tbody>
              {usage.rows.map((row) => (
                <tr key={`${row.feature}:${row.provider}:${row.model}`}>
                  <td>{row.feature}</td>
                  <td>
                    {row.provider} <span className="muted">{row.model}</span>
                  </td>
                  <td className="num">{row.calls}</td>
                  <td className="num">{row.errors}</td>
                  <td className="num">{usd(row.costUsd, locale)}</td>
                  <td className="num">{row.averageLatencyMs} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{a.byKind}</h2>
      {feedback.byKind.length === 0 ? (
        <p className="muted">{a.noFeedback}</p>
      ) : (
        <ul className="plain-list">
          {feedback.byKind.map((kind) => (
            <li key={kind.kind}>
              <strong>{kind.kind}</strong> · {percent(kind.acceptanceRate, locale)} ·{" "}
              {format(a.split, { accepted: kind.accepted, edited: kind.edited, rejected: kind.rejected })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
