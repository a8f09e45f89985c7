"use client";

import { type ConfirmedAction, ConfirmedActions, outcomeOf } from "@/components/ui/confirmed-actions";
import type { Dictionary } from "@/i18n/en";
import { blockSource, labelPayment, undoListAdditions, whitelistCustomer } from "./actions";

type Added = { listId: string; value: string }[];

/**
 * Block / whitelist / mark fraud / mark legitimate, each behind an inline confirmation. A block or a
 * whitelist can be undone (it removes exactly what it added); a label is changed by the opposite mark.
 */
export function DetectionActions({
  detectionId,
  transactionId,
  canAct,
  t,
}: {
  detectionId: string;
  transactionId: string | null;
  canAct: boolean;
  t: Dictionary["detail"];
}) {
  if (!canAct) return <p className="muted">{t.viewerNote}</p>;
  const addTo = (action: typeof blockSource) => async () => {
    const result = await action({ detectionId });
    return outcomeOf(result, t.done, result.ok && result.data.length > 0 ? result.data : undefined);
  };
  const lists: ConfirmedAction<Added>[] = [
    { key: "block", button: t.blockCustomer, confirm: t.confirmBlock, danger: true, run: addTo(blockSource) },
    {
      key: "whitelist",
      button: t.whitelistCustomer,
      confirm: t.confirmWhitelist,
      danger: false,
      run: addTo(whitelistCustomer),
    },
  ];
  // A label needs the payment: a detection without one offers the lists only.
  const marks = (id: string): ConfirmedAction<Added>[] =>
    (["fraud", "legitimate"] as const).map((kind) => ({
      key: kind,
      button: kind === "fraud" ? t.markFraud : t.markLegitimate,
      confirm: kind === "fraud" ? t.confirmFraud : t.confirmLegitimate,
      danger: kind === "fraud",
      run: async () => outcomeOf(await labelPayment({ transactionId: id, label: { kind } }), t.done),
    }));
  return (
    <ConfirmedActions
      actions={transactionId ? [...lists, ...marks(transactionId)] : lists}
      undo={async (items) => outcomeOf(await undoListAdditions({ items }), t.undone)}
      t={t}
    />
  );
}
