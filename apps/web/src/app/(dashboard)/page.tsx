import { detectBurst, getDashboardStats, readLatestFeed } from "@orylo/core";
import { format } from "@/i18n/dictionary";
import { pageContext } from "@/server/dashboard/page-context";
import { BurstBanner } from "./_home/burst-banner";
import { DecisionsChart } from "./_home/decisions-chart";
import { LiveFeed } from "./_home/live-feed";
import { StatCards } from "./_home/stat-cards";

// GET / — today at a glance: an attack banner when one is under way, stats, the live decisions.
export default async function HomePage() {
  const { ctx, locale, t } = await pageContext();
  const [stats, burst, feed] = await Promise.all([
    getDashboardStats(ctx),
    detectBurst(ctx),
    readLatestFeed(ctx, 30),
  ]);
  return (
    <>
      <h1>{t.home.title}</h1>
      <BurstBanner burst={burst} t={t} />
      <StatCards stats={stats} locale={locale} t={t} />
      {stats.unconvertedCurrencies.length > 0 ? (
        <p className="muted">
          {format(t.home.unconverted, { currencies: stats.unconvertedCurrencies.join(", ").toUpperCase() })}
        </p>
      ) : null}
      <div className="grid-2" style={{ marginTop: "1rem" }}>
        <LiveFeed
          initial={feed.items}
          cursor={feed.cursor}
          locale={locale}
          timeZone={ctx.organization.timeZone}
          t={{ home: t.home, decision: t.decision }}
        />
        <section className="card" aria-label={t.home.chart}>
          <DecisionsChart days={stats.days} t={t} />
        </section>
      </div>
    </>
  );
}
