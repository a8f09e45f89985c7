import { clearFraudLabels, findLabelTarget, selectTransactionLabels, upsertMerchantLabel } from "@orylo/db";
import { generateId } from "@orylo/platform";
import { recordAudit } from "../audit/record-audit";
import { describeActor, type OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import { LabelTransactionInput, type TransactionLabels, toLabelView } from "./label-schemas";
import { blockLabelledPayment } from "./record-stripe-label";

/**
 * The merchant's own mark on a payment (our transaction id or its Stripe charge id): one per payment, the
 * latest wins. `fraud` puts its card, email and device on the block lists; `legitimate` clears its active
 * fraud labels, whatever their source.
 */
export async function labelTransaction(
  ctx: OrgCtx,
  idOrChargeId: string,
  input: LabelTransactionInput,
): Promise<TransactionLabels> {
  const { kind, reason } = LabelTransactionInput.parse(input);
  const target = await findLabelTarget(ctx.db, ctx.organizationId, { idOrChargeId });
  if (!target) throw new NotFoundError("transaction", idOrChargeId);
  const actor = describeActor(ctx.actor);
  const now = ctx.now();
  const rows = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (kind === "legitimate") {
      await clearFraudLabels(tx, {
        organizationId: ctx.organizationId,
        match: { transactionId: target.id },
        clearedAt: now,
        clearedBy: actor,
      });
    }
    await upsertMerchantLabel(tx, {
      id: generateId("label"),
      organizationId: ctx.organizationId,
      transactionId: target.id,
      chargeId: target.chargeId,
      kind,
      source: "merchant",
      stripeObjectId: target.chargeId,
      reason: reason ?? null,
      createdAt: now,
    });
    if (kind === "fraud") await blockLabelledPayment(txCtx, target);
    await recordAudit(
      ctx,
      { action: "transaction.labelled", target: { type: "transaction", id: target.id }, data: { kind } },
      tx,
    );
    return selectTransactionLabels(tx, ctx.organizationId, target.id);
  });
  ctx.logger.info({ transactionId: target.id, kind, actor }, "payment labelled by the merchant");
  return { transactionId: target.id, chargeId: target.chargeId, labels: rows.map(toLabelView) };
}
