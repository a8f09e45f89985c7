"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import type { Dictionary } from "@/i18n/en";
import type { ActionResult } from "@/server/session/member-action";
import { blockSource, labelPayment, undoListAdditions, whitelistCustomer } from "./actions";

type Kind = "block" | "whitelist" | "fraud" | "legitimate";
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
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [asking, setAsking] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; undo?: Added; error?: boolean } | null>(null);

  const labels: Record<Kind, { button: string; confirm: string; danger: boolean }> = {
    block: { button: t.blockCustomer, confirm: t.confirmBlock, danger: true },
    whitelist: { button: t.whitelistCustomer, confirm: t.confirmWhitelist, danger: false },
    fraud: { button: t.markFraud, confirm: t.confirmFraud, danger: true },
    legitimate: { button: t.markLegitimate, confirm: t.confirmLegitimate, danger: false },
  };

  const report = (result: ActionResult<unknown>, message: string, undo?: Added) => {
    setOutcome(result.ok ? { message, undo } : { message: result.error.message, error: true });
    router.refresh();
  };

  const run = (kind: Kind) =>
    startTransition(async () => {
      setAsking(null);
      if (kind === "block" || kind === "whitelist") {
        const result = await (kind === "block" ? blockSource : whitelistCustomer)({ detectionId });
        report(result, t.done, result.ok ? result.data : undefined);
      } else if (transactionId) {
        report(await labelPayment({ transactionId, label: { kind } }), t.done);
      }
    });

  const undo = (items: Added) =>
    startTransition(async () => {
      report(await undoListAdditions({ items }), t.undone);
    });

  if (!canAct) return <p className="muted">{t.viewerNote}</p>;
  const kinds: Kind[] = transactionId
    ? ["block", "whitelist", "fraud", "legitimate"]
    : ["block", "whitelist"];
  return (
    <div className="stack">
      <div className="row-actions">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`button${labels[kind].danger ? " danger" : ""}`}
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
      <div role="status" aria-live="polite">
        {outcome ? (
          <p className={`alert ${outcome.error ? "danger" : "success"}`}>
            {outcome.message}{" "}
            {outcome.undo && outcome.undo.length > 0 ? (
              <button
                type="button"
                className="button small"
                onClick={() => outcome.undo && undo(outcome.undo)}
              >
                {t.undo}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
