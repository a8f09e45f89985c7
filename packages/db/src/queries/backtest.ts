import { and, asc, eq, gt, gte, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { labels, transactions as t } from "../schema";

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

/**
 * One page of the organization's payments created in [since, until], imported history included, in
 * (created, ingest order): the order features are defined in. Keyset pagination, so a backtest streams its
 * history page by page (bounded memory) instead of holding every row; each row carries its `ingestSeq`, the
 * cursor of the next page.
 */
export async function selectBacktestPage(
  db: Executor,
  params: { organizationId: string; since: Date; until: Date; after: BacktestCursor | null; limit: number },
) {
  const { after } = params;
  return db
    .select({ ...TRANSACTION_COLUMNS, ingestSeq: t.ingestSeq })
    .from(t)
    .where(
      and(
        eq(t.organizationId, params.organizationId),
        gte(t.createdAt, after?.createdAt ?? params.since),
        lte(t.createdAt, params.until),
        after ? or(gt(t.createdAt, after.createdAt), gt(t.ingestSeq, after.ingestSeq)) : undefined,
      ),
    )
    .orderBy(asc(t.createdAt), asc(t.ingestSeq))
    .limit(params.limit);
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
