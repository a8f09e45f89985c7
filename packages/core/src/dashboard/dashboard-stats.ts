import { countDetectionsByDay, findOrganization } from "@orylo/db";
import { CurrencyRateMissingError, convert, type Decision } from "@orylo/engine";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";

export interface PeriodStats {
  total: number;
  byDecision: Record<Decision, number>;
  /** What the blocked payments were for, in major units of the reporting currency. */
  blockedAmount: number;
}

export interface DashboardStats {
  reportingCurrency: string;
  today: PeriodStats;
  last7Days: PeriodStats;
  last30Days: PeriodStats;
  /** The last 30 local days, oldest first, every day present (zero when quiet). */
  days: { day: string; byDecision: Record<Decision, number> }[];
  /** Currencies the rate table lacks: their blocked amounts are left out of `blockedAmount`, and said so. */
  unconvertedCurrencies: string[];
}

const DAY_MS = 86_400_000;
const emptyCounts = (): Record<Decision, number> => ({ ALLOW: 0, REVIEW: 0, BLOCK: 0 });

/** The local calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** Home page numbers: today / 7 / 30 local days of the organization, counts and blocked amount. */
export async function getDashboardStats(ctx: OrgCtx): Promise<DashboardStats> {
  const organization = await findOrganization(ctx.db, ctx.organizationId);
  if (!organization) throw new NotFoundError("organization", ctx.organizationId);
  const { timeZone, reportingCurrency } = organization;
  const now = ctx.now();
  // 31 days back covers the 30th local day whatever the zone's offset; days outside are dropped below.
  const rows = await countDetectionsByDay(ctx.db, ctx.organizationId, {
    since: new Date(now.getTime() - 31 * DAY_MS),
    timeZone,
  });
  const days = Array.from({ length: 30 }, (_, index) =>
    localDay(new Date(now.getTime() - (29 - index) * DAY_MS), timeZone),
  );
  const periods = { today: days.slice(-1), last7Days: days.slice(-7), last30Days: days };
  const stats = Object.fromEntries(
    Object.keys(periods).map((key) => [key, { total: 0, byDecision: emptyCounts(), blockedAmount: 0 }]),
  ) as Record<keyof typeof periods, PeriodStats>;
  const perDay = new Map(days.map((day) => [day, emptyCounts()]));
  const unconverted = new Set<string>();

  for (const row of rows) {
    const counts = perDay.get(row.day);
    if (!counts) continue;
    counts[row.decision] += row.count;
    let blocked = 0;
    if (row.decision === "BLOCK" && row.currency && row.amount) {
      try {
        blocked = convert(row.amount, row.currency, reportingCurrency);
      } catch (error) {
        if (!(error instanceof CurrencyRateMissingError)) throw error;
        unconverted.add(row.currency);
      }
    }
    for (const [key, window] of Object.entries(periods) as [keyof typeof periods, string[]][]) {
      if (!window.includes(row.day)) continue;
      stats[key].total += row.count;
      stats[key].byDecision[row.decision] += row.count;
      stats[key].blockedAmount += blocked;
    }
  }
  return {
    reportingCurrency,
    ...stats,
    days: days.map((day) => ({ day, byDecision: perDay.get(day) ?? emptyCounts() })),
    unconvertedCurrencies: [...unconverted].sort(),
  };
}
