import { and, asc, eq, gte, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
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

/**
 * The organization's payments created in [since, until], imported history included, in (created, ingest
 * order): the order features are defined in. At most `limit` rows; the caller asks for one more than it
 * accepts to know the range was too large.
 */
export async function selectBacktestTransactions(
  db: Executor,
  params: { organizationId: string; since: Date; until: Date; limit: number },
) {
  return db
    .select(TRANSACTION_COLUMNS)
    .from(t)
    .where(
      and(
        eq(t.organizationId, params.organizationId),
        gte(t.createdAt, params.since),
        lte(t.createdAt, params.until),
      ),
    )
    .orderBy(asc(t.createdAt), asc(t.ingestSeq))
    .limit(params.limit);
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
