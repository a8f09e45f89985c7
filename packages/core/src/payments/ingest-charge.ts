import {
  attachDetectionToTransaction,
  type DetectionSummary,
  findChargeContext,
  findDetectionSummary,
  findDetectionSummaryForTransaction,
  findTransactionByCharge,
  insertTransaction,
  updateTransactionState,
} from "@orylo/db";
import type { Transaction } from "@orylo/engine";
import { generateId } from "@orylo/platform";
import type { OrgCtx } from "../context";
import { scoreTransaction } from "../detections/score-transaction";
import type { OrganizationSettings } from "../organizations/organization-settings";
import { normalizeCharge } from "../stripe-events/normalize-charge";
import { customerKeyOf } from "./customer-key";

export interface ChargeSource {
  /** The event that brought the charge; null for imported history. */
  stripeEventId: string | null;
  settings: OrganizationSettings;
  /** Imported history (`stripe.backfill`): stored for features and backtests, never scored. */
  history?: boolean;
}

/**
 * Stores one charge and scores it, once (imported history is stored, never scored): a charge already stored only has its state moved forward, and a
 * charge whose PaymentIntent was scored before confirmation (`POST /api/v1/evaluate`) is linked to that
 * detection instead of being scored again.
 */
export async function ingestCharge(
  ctx: OrgCtx,
  charge: Record<string, unknown>,
  source: ChargeSource,
): Promise<DetectionSummary | null> {
  const startedAt = performance.now();
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : null;
  const stripeCustomerId = typeof charge.customer === "string" ? charge.customer : null;
  const known = await findChargeContext(ctx.db, ctx.organizationId, {
    paymentIntentId,
    customerKey: stripeCustomerId,
  });
  const payment = normalizeCharge(charge, {
    paymentIntentMetadata: known.paymentIntentMetadata,
    customerEmail: known.customerEmail,
  });

  const stored = await insertTransaction(
    ctx.db,
    {
      id: generateId("txn"),
      organizationId: ctx.organizationId,
      stripeEventId: source.stripeEventId,
      ...payment,
      isHistory: source.history ?? false,
    },
    customerOf(ctx, payment),
  );
  if (!stored) {
    // Already stored (a later event about the charge, or a concurrent one that won): insert first and fall back,
    // so the common case — a new charge — costs no look-up.
    const existing = await findTransactionByCharge(ctx.db, ctx.organizationId, payment.chargeId);
    return existing ? moveChargeForward(ctx, payment, existing.id) : null;
  }
  if (source.history) return null;
  if (known.evaluationDetectionId) {
    await attachDetectionToTransaction(ctx.db, ctx.organizationId, known.evaluationDetectionId, stored.id);
    return (await findDetectionSummary(ctx.db, ctx.organizationId, known.evaluationDetectionId)) ?? null;
  }
  return scoreTransaction(ctx, {
    payment,
    transactionId: stored.id,
    ingestSeq: stored.ingestSeq,
    settings: source.settings,
    startedAt,
  });
}

async function moveChargeForward(ctx: OrgCtx, payment: Transaction, transactionId: string) {
  await updateTransactionState(ctx.db, ctx.organizationId, payment.chargeId, {
    status: payment.status,
    captured: payment.captured,
    outcomeType: payment.outcomeType,
    networkStatus: payment.networkStatus,
  });
  return (await findDetectionSummaryForTransaction(ctx.db, ctx.organizationId, transactionId)) ?? null;
}

/** The customer row the charge creates or refreshes (stored with it, as its `customerRef`); none without a key. */
function customerOf(ctx: OrgCtx, payment: Transaction) {
  const customerKey = customerKeyOf(payment.customerId, payment.email);
  if (!customerKey) return undefined;
  return {
    id: generateId("cust"),
    organizationId: ctx.organizationId,
    customerKey,
    stripeCustomerId: payment.customerId,
    email: payment.email,
    livemode: payment.livemode,
    firstSeenAt: payment.createdAt,
    lastSeenAt: payment.createdAt,
  };
}
