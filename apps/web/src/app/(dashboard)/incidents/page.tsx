import { detectBurst, ListAlertsQuery, listAlertsPage } from "@orylo/core";
import Link from "next/link";
import { formatDateTime, formatMoney } from "@/components/money";
import { format } from "@/i18n/format";
import { pageContext } from "@/server/dashboard/page-context";
import { BurstBanner } from "../_home/burst-banner";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// GET /incidents — open or resolved incidents (alerts) with their counts; a card-testing burst on top.
export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const { ctx, locale, t } = await pageContext();
  const params = await searchParams;
  const status = params.status === "resolved" ? "resolved" : "open";
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const query = ListAlertsQuery.safeParse({ status, cursor, limit: 25 });
  const [page, burst] = await Promise.all([
    listAlertsPage(ctx, query.success ? query.data : { status, limit: 25 }),
    detectBurst(ctx),
  ]);
  const i = t.incidents;
  const zone = ctx.organization.timeZone;
  return (
    <>
      <h1>{i.title}</h1>
      <BurstBanner burst={burst} t={t} />
      <nav className="tabs" aria-label={i.title}>
        {(["open", "resolved"] as const).map((tab) => (
          <Link
            key={tab}
            href={`/incidents?status=${tab}`}
            aria-current={tab === status ? "page" : undefined}
          >
            {i[tab]} <span className="count">{page.counts[tab]}</span>
          </Link>
        ))}
      </nav>
      {page.data.length === 0 ? (
        <p className="muted">{status === "open" ? i.noneOpen : i.noneResolved}</p>
      ) : (
        <ul className="plain-list incident-list">
          {page.data.map((alert) => (
            <li key={alert.id} className="card stack">
              <div className="section-head">
                <h2>
                  <span
                    className={`badge ${alert.severity === "critical" ? "block" : alert.severity === "warning" ? "review" : "allow"}`}
                  >
                    {i.severity[alert.severity]}
                  </span>{" "}
                  {/* The stored title is in the shop's language and counts the attempts when the alert opened. */}
                  {alert.summary ? format(i.summary.title, { blocked: alert.summary.blocked }) : alert.title}
                </h2>
                <span className="muted">×{alert.count}</span>
              </div>
              <p className="muted">
                {i.firstSeen} {formatDateTime(alert.firstSeenAt, locale, zone)} · {i.lastSeen}{" "}
                {formatDateTime(alert.lastSeenAt, locale, zone)}
                {alert.resolvedAt
                  ? ` · ${i.resolvedAt} ${formatDateTime(alert.resolvedAt, locale, zone)}`
                  : ""}{" "}
                · {i.delivery[alert.delivery]}
              </p>
              {alert.summary ? (
                <div className="stack">
                  <p>
                    <strong>{alert.summary.attempts}</strong> {i.summary.attempts} ·{" "}
                    <strong>{alert.summary.blocked}</strong> {i.summary.blocked} ·{" "}
                    <strong>{alert.summary.distinctCards}</strong> {i.summary.cards} ·{" "}
                    {Object.entries(alert.summary.amountBlocked)
                      .map(([currency, amount]) => formatMoney(amount, currency, locale))
                      .join(" + ")}{" "}
                    {i.summary.protected}
                  </p>
                  <p className="muted">
                    {i.summary.rule} {formatDateTime(alert.summary.suggestedRuleExpiresAt, locale, zone)}:{" "}
                    <code>{alert.summary.suggestedRule}</code>{" "}
                    <Link href={`/rules?text=${encodeURIComponent(alert.summary.suggestedRule)}`}>
                      {i.summary.useRule}
                    </Link>
                  </p>
                </div>
              ) : null}
              <details>
                <summary>
                  {alert.summary
                    ? format(i.summary.since, { time: formatDateTime(alert.summary.startedAt, locale, zone) })
                    : alert.body.split("\n")[0]?.slice(0, 160)}
                </summary>
                <p className="preserve">{alert.body}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <p>
          <Link href={`/incidents?status=${status}&cursor=${page.nextCursor}`}>{i.more}</Link>
        </p>
      ) : null}
    </>
  );
}
