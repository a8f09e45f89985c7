import { detectBurst, getDashboardStats, hasEventSource, readLatestFeed } from "@orylo/core";
import Link from "next/link";
import { format } from "@/i18n/format";
import { pageContext } from "@/server/dashboard/page-context";
import { getRuntime } from "@/server/runtime";
import { BurstBanner } from "./_home/burst-banner";
import { DecisionsChart } from "./_home/decisions-chart";
import { LiveFeed } from "./_home/live-feed";
import { StatCards } from "./_home/stat-cards";

// GET / — today at a glance: an attack banner when one is under way, stats, the live decisions.
export default async function HomePage() {
  const { ctx, locale, t } = await pageContext();
  const runtime = await getRuntime();
  const [stats, burst, feed, setUp] = await Promise.all([
    getDashboardStats(ctx),
    detectBurst(ctx),
    readLatestFeed(ctx, 30),
    hasEventSource(ctx, runtime.sharedWebhookRoute.defaultOrganizationId),
  ]);
  return (
    <>
      <h1>{t.home.title}</h1>
      {setUp ? null : (
        <p className="alert">
          <Link href="/onboarding">{t.onboarding.finish}</Link>
        </p>
      )}
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
