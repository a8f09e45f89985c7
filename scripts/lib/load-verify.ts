export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface StoreCheck {
  distinctSent: number;
  stored: number;
  /** Answered 2xx but not stored and processed: Stripe would not deliver them again, so they are lost. */
  lost: number;
  /** Never answered 2xx (timed out, connection reset) and not processed: Stripe delivers them again. */
  unanswered: number;
  statuses: Record<string, number>;
  /** Stored events nobody sent (should be none: the database is fresh). */
  unexpected: number;
  transactions: number;
  /** Charges stored more than once, plus detections beyond one per transaction. */
  duplicated: number;
  unscored: number;
  detections: number;
  /** The app's own measure of each scoring (normalize → features → engine → writes), not the HTTP round trip. */
  scoringP50: number;
  scoringP95: number;
}

/**
 * What the database says after the run: each distinct event stored once, each charge stored and scored once
 * (the imported history loaded before the run is never scored, and is left out).
 */
export async function checkStore(
  query: Query,
  organizationId: string,
  sent: Set<string>,
  acknowledged: Set<string>,
): Promise<StoreCheck> {
  const ids = [...sent];
  const events = await query(
    "select status, count(*)::int as n from stripe_events where id = any($1::text[]) group by status",
    [ids],
  );
  const statuses = Object.fromEntries(events.rows.map((row) => [String(row.status), Number(row.n)]));
  const processed = new Set(
    (
      await query("select id from stripe_events where id = any($1::text[]) and status = 'processed'", [ids])
    ).rows.map((row) => String(row.id)),
  );
  const stored = Object.values(statuses).reduce((total, n) => total + n, 0);
  const [all] = (await query("select count(*)::int as n from stripe_events")).rows;
  const [payments] = (
    await query(
      `select count(*)::int as n, count(distinct charge_id)::int as charges,
         count(*) filter (where not exists (select 1 from detections d where d.transaction_id = t.id))::int as unscored
       from transactions t where organization_id = $1 and not is_history`,
      [organizationId],
    )
  ).rows;
  const [scored] = (
    await query(
      `select count(*)::int as n, count(distinct transaction_id)::int as distinct_transactions
         , percentile_cont(0.5) within group (order by latency_ms) as p50
         , percentile_cont(0.95) within group (order by latency_ms) as p95
       from detections where organization_id = $1 and transaction_id is not null`,
      [organizationId],
    )
  ).rows;
  const transactions = Number(payments!.n);
  const detections = Number(scored!.n);
  return {
    distinctSent: sent.size,
    stored,
    lost: [...acknowledged].filter((id) => !processed.has(id)).length,
    unanswered: ids.filter((id) => !acknowledged.has(id) && !processed.has(id)).length,
    statuses,
    unexpected: Number(all!.n) - stored,
    transactions,
    duplicated:
      transactions - Number(payments!.charges) + (detections - Number(scored!.distinct_transactions)),
    unscored: Number(payments!.unscored),
    detections,
    scoringP50: Number(scored!.p50),
    scoringP95: Number(scored!.p95),
  };
}
