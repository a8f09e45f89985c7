import type { DatabaseHandle } from "@orylo/db";
import type { Transaction } from "@orylo/engine";

/** A raw query on whichever client (pg.Pool or PGlite): both take `(text, params)`. */
export type RawQuery = (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>;

/** `query(text, params)` on the raw client, whichever driver: both return `{ rows }`. */
export function rawQuery(handle: DatabaseHandle): RawQuery {
  if (handle.driver === "pglite") return (text, params) => handle.client.query(text, params);
  return (text, params) => (handle.client as { query: RawQuery }).query(text, params);
}

/** [column, SQL array type, value of a payment]: the columns a stored charge fills. */
const COLUMNS: [string, string, (t: Transaction) => unknown][] = [
  ["charge_id", "text", (t) => t.chargeId],
  ["payment_intent_id", "text", (t) => t.paymentIntentId],
  ["livemode", "boolean", (t) => t.livemode],
  ["created_at", "timestamptz", (t) => t.createdAt.toISOString()],
  ["amount", "bigint", (t) => t.amount],
  ["currency", "text", (t) => t.currency],
  ["status", "text", (t) => t.status],
  ["captured", "boolean", (t) => t.captured],
  ["failure_code", "text", (t) => t.failureCode],
  ["decline_code", "text", (t) => t.declineCode],
  ["outcome_type", "text", (t) => t.outcomeType],
  ["network_status", "text", (t) => t.networkStatus],
  ["radar_risk_level", "text", (t) => t.radarRiskLevel],
  ["radar_risk_score", "real", (t) => t.radarRiskScore],
  ["card_fingerprint", "text", (t) => t.cardFingerprint],
  ["card_brand", "text", (t) => t.cardBrand],
  ["card_funding", "text", (t) => t.cardFunding],
  ["card_country", "text", (t) => t.cardCountry],
  ["cvc_check", "text", (t) => t.cvcCheck],
  ["customer_id", "text", (t) => t.customerId],
  ["email", "text", (t) => t.email],
  ["billing_country", "text", (t) => t.billingCountry],
  ["ip_address", "text", (t) => t.ipAddress],
  ["device_id", "text", (t) => t.deviceId],
];

const INSERT = `insert into transactions (id, organization_id, is_history, ${COLUMNS.map(([name]) => name).join(", ")})
select 'txn_' || charge_id, $1, $2, * from unnest(${COLUMNS.map(([, type], i) => `$${i + 3}::${type}[]`).join(", ")})
  as rows(${COLUMNS.map(([name]) => name).join(", ")})`;

export interface LoadOptions {
  /** Stored as imported history (a backfill: feeds features and backtests, never scored). */
  history?: boolean;
}

/**
 * Inserts payments in the order given (so `ingest_seq` follows it), one multi-row `insert … select unnest`
 * per batch: one round trip and one plan per batch instead of one per row.
 */
export async function insertTransactions(
  query: RawQuery,
  organizationId: string,
  payments: readonly Transaction[],
  { history = false }: LoadOptions = {},
): Promise<void> {
  if (payments.length === 0) return;
  const columns = COLUMNS.map(([, , value]) => payments.map(value));
  await query(INSERT, [organizationId, history, ...columns]);
}

/**
 * Feeds a stream of payments to the database in batches; `onBatch` sees each batch after it is stored. One
 * insert in flight at a time (so ingest order is kept), the next batch generated while it runs.
 */
export async function loadInBatches(
  query: RawQuery,
  organizationId: string,
  payments: Iterable<Transaction>,
  { batchSize, onBatch, history }: { batchSize: number; onBatch?: (stored: number) => void } & LoadOptions,
): Promise<number> {
  let batch: Transaction[] = [];
  let stored = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async (rows: Transaction[]) => {
    await inFlight;
    inFlight = insertTransactions(query, organizationId, rows, { history }).then(() => {
      stored += rows.length;
      onBatch?.(stored);
    });
  };
  for (const payment of payments) {
    batch.push(payment);
    if (batch.length < batchSize) continue;
    await flush(batch);
    batch = [];
  }
  await flush(batch);
  await inFlight;
  return stored;
}
