"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { StatusMessage } from "@/components/ui/status-message";
import type { Dictionary } from "@/i18n/en";
import { undoListAdditions } from "../../detections/[id]/actions";
import { blockThisCustomer, trustThisCustomer } from "./actions";

type Kind = "block" | "trust";
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
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [asking, setAsking] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; undo?: Added; error?: boolean } | null>(null);

  const labels = {
    block: { button: t.blockCustomer, confirm: t.confirmCustomerBlock, className: "button danger" },
    trust: { button: t.whitelistCustomer, confirm: t.confirmWhitelist, className: "button" },
  };
  const run = (kind: Kind) =>
    startTransition(async () => {
      setAsking(null);
      const result = await (kind === "block" ? blockThisCustomer : trustThisCustomer)({ ref: customerRef });
      setOutcome(
        result.ok ? { message: t.done, undo: result.data } : { message: result.error.message, error: true },
      );
      router.refresh();
    });
  const undo = (items: Added) =>
    startTransition(async () => {
      const result = await undoListAdditions({ items });
      setOutcome(result.ok ? { message: t.undone } : { message: result.error.message, error: true });
      router.refresh();
    });

  if (!canAct) return <p className="muted">{t.viewerNote}</p>;
  return (
    <div className="stack">
      <div className="row-actions">
        {(["block", "trust"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={labels[kind].className}
            disabled={pending}
            aria-expanded={asking === kind}
            onClick={() => setAsking(kind)}
          >
            {labels[kind].button}
          </button>
        ))}
      </div>
      {asking ? (
        <ConfirmPanel
          key={asking}
          label={labels[asking].button}
          question={labels[asking].confirm}
          confirmLabel={t.confirm}
          cancelLabel={t.cancel}
          onConfirm={() => run(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
      <StatusMessage tone={outcome ? (outcome.error ? "danger" : "success") : null}>
        {outcome?.message}{" "}
        {outcome?.undo && outcome.undo.length > 0 ? (
          <button type="button" className="button small" onClick={() => outcome.undo && undo(outcome.undo)}>
            {t.undo}
          </button>
        ) : null}
      </StatusMessage>
    </div>
  );
}
