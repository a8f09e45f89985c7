"use client";

import { type ConfirmedAction, ConfirmedActions, outcomeOf } from "@/components/ui/confirmed-actions";
import type { Dictionary } from "@/i18n/en";
import { undoListAdditions } from "../../detections/[id]/actions";
import { blockThisCustomer, trustThisCustomer } from "./actions";

type Added = { listId: string; value: string }[];

/** Block or trust the customer, each behind an inline confirmation, with an undo of exactly what it added. */
export function CustomerActions({
  customerRef,
  canAct,
  t,
}: {
  customerRef: string;
  canAct: boolean;
  t: Dictionary["detail"] & { confirmCustomerBlock: string };
}) {
  if (!canAct) return <p className="muted">{t.viewerNote}</p>;
  const addTo = (action: typeof blockThisCustomer) => async () => {
    const result = await action({ ref: customerRef });
    return outcomeOf(result, t.done, result.ok && result.data.length > 0 ? result.data : undefined);
  };
  const actions: ConfirmedAction<Added>[] = [
    {
      key: "block",
      button: t.blockCustomer,
      confirm: t.confirmCustomerBlock,
      danger: true,
      run: addTo(blockThisCustomer),
    },
    {
      key: "trust",
      button: t.whitelistCustomer,
      confirm: t.confirmWhitelist,
      danger: false,
      run: addTo(trustThisCustomer),
    },
  ];
  return (
    <ConfirmedActions
      actions={actions}
      undo={async (items) => outcomeOf(await undoListAdditions({ items }), t.undone)}
      t={t}
    />
  );
}
