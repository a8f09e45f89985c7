import { type BacktestCursor, type Executor, selectBacktestPage } from "@orylo/db";

/** Rows per page: large enough that a round trip is a small share of a page's work, small enough to hold. */
export const BACKTEST_PAGE_ROWS = 20_000;

/**
 * The organization's payments of [since, until] in (created, ingest order), page by page. The next page is
 * asked for before this one is handed over, so the database reads it while the engine replays this one.
 */
export async function* backtestHistoryPages(
  db: Executor,
  range: { organizationId: string; since: Date; until: Date },
  pageRows: number = BACKTEST_PAGE_ROWS,
  /** Awaited before each next page is asked for: a reader in the web process lets webhooks go first. */
  pause: () => Promise<void> = async () => {},
) {
  const read = (after: BacktestCursor | null) => {
    const page = selectBacktestPage(db, { ...range, after, limit: pageRows });
    // Handled here too: if the consumer stops early, an abandoned read must not become an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  let next = read(null);
  for (;;) {
    const page = await next;
    if (page.length === 0) return;
    const last = page.at(-1)!;
    if (page.length === pageRows) await pause();
    next = page.length < pageRows ? Promise.resolve([]) : read(last);
    yield page;
  }
}
