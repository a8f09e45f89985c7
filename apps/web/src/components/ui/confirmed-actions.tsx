"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/server/session/member-action";
import { ConfirmPanel } from "./confirm-panel";
import { StatusMessage } from "./status-message";

/** One button of a row of actions, the question it asks before it runs, and what it does. */
export interface ConfirmedAction<Undo> {
  key: string;
  button: string;
  confirm: string;
  danger: boolean;
  run: () => Promise<ActionOutcome<Undo>>;
}

/** What an action reports: its message, and what undoing it takes (nothing: no undo button). */
export interface ActionOutcome<Undo> {
  message: string;
  undo?: Undo;
  error?: boolean;
}

/** A server action's result as an outcome: `message` when it worked, the error's own message otherwise. */
export function outcomeOf<Undo>(
  result: ActionResult<unknown>,
  message: string,
  undo?: Undo,
): ActionOutcome<Undo> {
  return result.ok ? { message, undo } : { message: result.error.message, error: true };
}

/**
 * A row of actions, each behind an inline confirmation, reporting into a live region with an undo when the
 * action says how to undo it; the page's server data is refreshed after each.
 */
export function ConfirmedActions<Undo>({
  actions,
  undo,
  t,
}: {
  actions: ConfirmedAction<Undo>[];
  undo: (what: Undo) => Promise<ActionOutcome<Undo>>;
  t: { confirm: string; cancel: string; undo: string };
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [asking, setAsking] = useState<ConfirmedAction<Undo> | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome<Undo> | null>(null);
  const report = (work: () => Promise<ActionOutcome<Undo>>) =>
    startTransition(async () => {
      setAsking(null);
      setOutcome(await work());
      router.refresh();
    });
  const undoable = outcome?.undo;

  return (
    <div className="stack">
      <div className="row-actions">
        {actions.map((action) => (
          <button
            key={action.key}
            type="button"
            className={action.danger ? "button danger" : "button"}
            disabled={pending}
            aria-expanded={asking?.key === action.key}
            onClick={() => setAsking(action)}
          >
            {action.button}
          </button>
        ))}
      </div>
      {asking ? (
        <ConfirmPanel
          key={asking.key}
          label={asking.button}
          question={asking.confirm}
          confirmLabel={t.confirm}
          cancelLabel={t.cancel}
          onConfirm={() => report(asking.run)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
      <StatusMessage tone={outcome ? (outcome.error ? "danger" : "success") : null}>
        {outcome?.message}{" "}
        {undoable !== undefined ? (
          <button type="button" className="button small" onClick={() => report(() => undo(undoable))}>
            {t.undo}
          </button>
        ) : null}
      </StatusMessage>
    </div>
  );
}
