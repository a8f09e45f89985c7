import { and, eq, gte, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { labels, transactions as t } from "../schema";
import { compiledSql } from "./compiled-statement";

/** The columns the engine's `Transaction` reads, in engine shape. */
const TRANSACTION_COLUMNS = {
  chargeId: t.chargeId,
  paymentIntentId: t.paymentIntentId,
  createdAt: t.createdAt,
  livemode: t.livemode,
  amount: t.amount,
  currency: t.currency,
  status: t.status,
  captured: t.captured,
  failureCode: t.failureCode,
  declineCode: t.declineCode,
  outcomeType: t.outcomeType,
  networkStatus: t.networkStatus,
  radarRiskLevel: t.radarRiskLevel,
  radarRiskScore: t.radarRiskScore,
  cardFingerprint: t.cardFingerprint,
  cardBrand: t.cardBrand,
  cardFunding: t.cardFunding,
  cardCountry: t.cardCountry,
  cardIin: t.cardIin,
  wallet: t.wallet,
  threeDSecureResult: t.threeDSecureResult,
  cvcCheck: t.cvcCheck,
  addressLine1Check: t.addressLine1Check,
  addressPostalCodeCheck: t.addressPostalCodeCheck,
  customerId: t.customerId,
  email: t.email,
  billingCountry: t.billingCountry,
  billingAddressKey: t.billingAddressKey,
  shippingCountry: t.shippingCountry,
  shippingAddressKey: t.shippingAddressKey,
  ipAddress: t.ipAddress,
  deviceId: t.deviceId,
  userAgent: t.userAgent,
  metadata: t.metadata,
} as const;

/** Where a page of `selectBacktestPage` resumes: after this (created, ingest order) position. */
export type BacktestCursor = { createdAt: Date; ingestSeq: number };

/** A row of `selectBacktestPage`: the engine's `Transaction` (structurally) and its ingest order. */
export type BacktestRow = {
  [Key in keyof typeof TRANSACTION_COLUMNS]: (typeof TRANSACTION_COLUMNS)[Key]["_"]["data"];
} & {
  ingestSeq: number;
};

/**
 * Columns that the drivers do not hand back as the engine's types are cast so that the only work left per
 * row is making `createdAt` a Date: times as epoch milliseconds (float8: truncated to the millisecond, as a
 * Date holds them), 64-bit integers as float8 (exact below 2^53; pg would give strings).
 */
const CAST: Partial<Record<keyof BacktestRow, SQL>> = {
  createdAt: sql`floor(extract(epoch from ${t.createdAt}) * 1000)::float8`,
  amount: sql`${t.amount}::float8`,
  ingestSeq: sql`${t.ingestSeq}::float8`,
};

const PAGE_COLUMNS = sql.join(
  Object.entries({ ...TRANSACTION_COLUMNS, ingestSeq: t.ingestSeq }).map(
    ([key, column]) => sql`${CAST[key as keyof BacktestRow] ?? column} as ${sql.identifier(key)}`,
  ),
  sql`, `,
);

/**
 * Hand-written, not the query builder: Drizzle's generic row mapping of these 35 columns cost more CPU than
 * the driver's own parsing (docs/performance.md, Backtest). The driver's rows, keyed by the `Transaction`'s
 * field names, are the result; only `createdAt` is turned from milliseconds into a Date.
 */
const PAGE_STATEMENT = compiledSql<Omit<BacktestRow, "createdAt"> & { createdAt: number | Date }>(
  "orylo_backtest_page",
  sql`select ${PAGE_COLUMNS} from ${t}
    where ${t.organizationId} = ${sql.placeholder("organizationId")}
      and ${t.createdAt} >= ${sql.placeholder("start")}::timestamptz
      and ${t.createdAt} <= ${sql.placeholder("until")}::timestamptz
      and (${t.createdAt} > ${sql.placeholder("start")}::timestamptz or ${t.ingestSeq} > ${sql.placeholder("afterSeq")})
    order by ${t.createdAt}, ${t.ingestSeq}
    limit ${sql.placeholder("limit")}`,
);

/**
 * One page of the organization's payments created in [since, until], imported history included, in
 * (created, ingest order): the order features are defined in. Keyset pagination, so a backtest streams its
 * history page by page (bounded memory) instead of holding every row; each row carries its `ingestSeq`, the
 * cursor of the next page.
 */
export async function selectBacktestPage(
  db: Executor,
  params: { organizationId: string; since: Date; until: Date; after: BacktestCursor | null; limit: number },
): Promise<BacktestRow[]> {
  const { after } = params;
  const rows = await PAGE_STATEMENT(db, {
    organizationId: params.organizationId,
    // The first page starts at `since` inclusive: every ingest order is above 0.
    start: (after?.createdAt ?? params.since).toISOString(),
    afterSeq: after?.ingestSeq ?? 0,
    until: params.until.toISOString(),
    limit: params.limit,
  });
  for (const row of rows) row.createdAt = new Date(row.createdAt);
  return rows as BacktestRow[];
}

/** How many payments a backtest of [since, until] would replay (it refuses more than its limit up front). */
export async function countBacktestTransactions(
  db: Executor,
  params: { organizationId: string; since: Date; until: Date },
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(t)
    .where(
      and(
        eq(t.organizationId, params.organizationId),
        gte(t.createdAt, params.since),
        lte(t.createdAt, params.until),
      ),
    );
  return Number(row?.count ?? 0);
}

/**
 * Active labels by charge id: `fraud` when any fraud label is not cleared, else `legitimate` when the
 * merchant marked the payment so. A label for a charge we never stored keeps its own charge id.
 */
export async function selectActiveLabelsByCharge(
  db: Executor,
  organizationId: string,
): Promise<Map<string, "fraud" | "legitimate">> {
  const rows = await db
    .select({ chargeId: sql<string | null>`coalesce(${t.chargeId}, ${labels.chargeId})`, kind: labels.kind })
    .from(labels)
    .leftJoin(t, eq(t.id, labels.transactionId))
    .where(
      and(
        eq(labels.organizationId, organizationId),
        isNull(labels.clearedAt),
        or(isNotNull(labels.transactionId), isNotNull(labels.chargeId)),
      ),
    );
  const byCharge = new Map<string, "fraud" | "legitimate">();
  for (const { chargeId, kind } of rows) {
    if (chargeId === null) continue;
    if (kind === "fraud" || !byCharge.has(chargeId)) byCharge.set(chargeId, kind);
  }
  return byCharge;
}
