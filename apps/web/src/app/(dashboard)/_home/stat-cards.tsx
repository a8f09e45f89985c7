import type { DashboardStats } from "@orylo/core";
import { formatMajor } from "@/components/money";
import type { Dictionary } from "@/i18n/en";

export function StatCards({ stats, locale, t }: { stats: DashboardStats; locale: string; t: Dictionary }) {
  const periods = [
    ["today", t.home.today, stats.today],
    ["7", t.home.last7, stats.last7Days],
    ["30", t.home.last30, stats.last30Days],
  ] as const;
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="stats">
      {periods.map(([key, label, period]) => (
        <section key={key} className="card" aria-label={label}>
          <div className="muted">{label}</div>
          <div className="stat-value">
            {number.format(period.total)}{" "}
            <span className="muted" style={{ fontSize: "0.9rem", fontWeight: 400 }}>
              {t.home.payments}
            </span>
          </div>
          <ul className="stat-lines">
            <li>
              <strong style={{ color: "var(--block)" }}>{number.format(period.byDecision.BLOCK)}</strong>{" "}
              {t.home.blocked} · {formatMajor(period.blockedAmount, stats.reportingCurrency, locale)}{" "}
              {t.home.blockedAmount}
            </li>
            <li>
              <strong style={{ color: "var(--review)" }}>{number.format(period.byDecision.REVIEW)}</strong>{" "}
              {t.home.review}
            </li>
          </ul>
        </section>
      ))}
    </div>
  );
}
