import { listRecommendations, listSuggestions, roleAllows } from "@orylo/core";
import Link from "next/link";
import { formatMajor } from "@/components/money";
import { format } from "@/i18n/format";
import { pageContext } from "@/server/dashboard/page-context";
import { InboxPager } from "./inbox-pager";
import { ProposalActions } from "./proposal-actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Proposals per page in each section; each section pages on its own cursor, kept in the URL. */
const PAGE_SIZE = 20;

const percent = (rate: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);

// GET /ai/inbox — pending AI proposals (list suggestions, rule recommendations), each with its reasons and answers,
// newest first, by cursor (`?suggestions=` and `?recommendations=` hold each section's).
export default async function AiInboxPage({ searchParams }: { searchParams: SearchParams }) {
  const { ctx, locale, t } = await pageContext();
  const params = await searchParams;
  const cursors: Record<string, string> = {};
  for (const key of ["suggestions", "recommendations"] as const) {
    const value = params[key];
    if (typeof value === "string" && value !== "") cursors[key] = value;
  }
  const [suggestions, recommendations] = await Promise.all([
    listSuggestions(ctx, { status: "pending", limit: PAGE_SIZE, cursor: cursors.suggestions }),
    listRecommendations(ctx, { status: "pending", limit: PAGE_SIZE, cursor: cursors.recommendations }),
  ]);
  const a = t.aiInbox;
  const canAct = roleAllows(ctx.role, "act");
  const canConfigure = roleAllows(ctx.role, "configure");
  return (
    <>
      <h1>{a.title}</h1>
      <p className="muted">{a.intro}</p>
      <section className="stack" aria-labelledby="inbox-suggestions">
        <h2 id="inbox-suggestions">{a.suggestions}</h2>
        {suggestions.data.length === 0 ? <p className="muted">{a.noSuggestions}</p> : null}
        {suggestions.data.map((suggestion) => (
          <article key={suggestion.id} className="card stack" aria-label={suggestion.value}>
            <p>
              <span className={`badge ${suggestion.kind === "whitelist" ? "allow" : "block"}`}>
                {a.kind[suggestion.kind]}
              </span>{" "}
              <strong>
                {suggestion.subject === "customer" ? (
                  // A guest's key is a hash: the customer's page shows who it is and what they paid.
                  <Link href={`/customers/${encodeURIComponent(suggestion.value)}`}>{suggestion.value}</Link>
                ) : (
                  suggestion.value
                )}
              </strong>{" "}
              <span className="muted">
                ({suggestion.subject === "customer" ? a.subject.customer : a.subject.ip_address})
              </span>
            </p>
            <p>{suggestion.reasoning}</p>
            <p className="muted">{format(a.confidence, { value: percent(suggestion.confidence, locale) })}</p>
            {canAct ? (
              <ProposalActions proposal="suggestion" id={suggestion.id} value={suggestion.value} t={a} />
            ) : null}
          </article>
        ))}
        <InboxPager section="suggestions" cursors={cursors} nextCursor={suggestions.nextCursor} t={a} />
      </section>
      <section className="stack" aria-labelledby="inbox-recommendations">
        <h2 id="inbox-recommendations">{a.recommendations}</h2>
        {recommendations.data.length === 0 ? <p className="muted">{a.noRecommendations}</p> : null}
        {recommendations.data.map((recommendation) => {
          const { backtest } = recommendation;
          return (
            <article key={recommendation.id} className="card stack" aria-label={recommendation.text}>
              <p>
                <code>{recommendation.text}</code>
              </p>
              <p>{recommendation.rationale}</p>
              <p className="muted">
                {format(a.backtest, {
                  hits: backtest.hits,
                  payments: backtest.payments,
                  fraud: backtest.fraud,
                  legitimate: backtest.legitimate,
                })}
              </p>
              <p className="muted">
                {a.fraudStopped} {formatMajor(backtest.fraudStopped, backtest.reportingCurrency, locale)} ·{" "}
                {a.legitimateHit} {formatMajor(backtest.legitimateHit, backtest.reportingCurrency, locale)}
              </p>
              {canConfigure ? (
                <ProposalActions
                  proposal="recommendation"
                  id={recommendation.id}
                  value={recommendation.text}
                  t={a}
                />
              ) : null}
            </article>
          );
        })}
        <InboxPager
          section="recommendations"
          cursors={cursors}
          nextCursor={recommendations.nextCursor}
          t={a}
        />
      </section>
      {canAct ? null : <p className="muted">{a.readOnly}</p>}
    </>
  );
}
