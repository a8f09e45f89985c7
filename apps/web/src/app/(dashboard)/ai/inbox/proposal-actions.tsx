"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import { TextField } from "@/components/ui/text-field";
import type { Dictionary } from "@/i18n/en";
import type { ActionResult } from "@/server/session/member-action";
import {
  acceptSuggestionAction,
  applyRecommendationAction,
  editSuggestionAction,
  rejectRecommendationAction,
  rejectSuggestionAction,
} from "./actions";

type Labels = Dictionary["aiInbox"];
type Form = { kind: "reject" | "edit"; text: string };

/**
 * The answers to one proposal: one-click accept or apply, and reject (reason required) or edit (a corrected
 * value; a recommendation's rule text, then applied in shadow) through an inline form whose first field takes
 * the focus, so the whole flow works from the keyboard.
 */
export function ProposalActions({
  proposal,
  id,
  value,
  t,
}: {
  proposal: "suggestion" | "recommendation";
  id: string;
  value?: string;
  t: Labels;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [form, setForm] = useState<Form | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; error: boolean } | null>(null);

  const run = (call: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await call();
      setOutcome(
        result.ok ? { message: t.done, error: false } : { message: result.error.message, error: true },
      );
      if (result.ok) {
        setForm(null);
        router.refresh();
      }
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const text = form.text;
    if (form.kind === "edit" && proposal === "suggestion")
      run(() => editSuggestionAction({ id, value: text }));
    else if (form.kind === "edit") run(() => applyRecommendationAction({ id, mode: "shadow", text }));
    else if (proposal === "suggestion") run(() => rejectSuggestionAction({ id, reason: text }));
    else run(() => rejectRecommendationAction({ id, reason: text }));
  };

  return (
    <div className="stack">
      <div className="row-actions">
        {proposal === "suggestion" ? (
          <button
            type="button"
            className="button primary"
            disabled={pending}
            onClick={() => run(() => acceptSuggestionAction({ id }))}
          >
            {t.accept}
          </button>
        ) : (
          (["shadow", "enforced"] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className={mode === "shadow" ? "button primary" : "button"}
              disabled={pending}
              onClick={() => run(() => applyRecommendationAction({ id, mode }))}
            >
              {mode === "shadow" ? t.applyShadow : t.applyEnforced}
            </button>
          ))
        )}
        <button
          type="button"
          className="button"
          disabled={pending}
          aria-expanded={form?.kind === "edit"}
          onClick={() => setForm({ kind: "edit", text: value ?? "" })}
        >
          {t.edit}
        </button>
        <button
          type="button"
          className="button danger"
          disabled={pending}
          aria-expanded={form?.kind === "reject"}
          onClick={() => setForm({ kind: "reject", text: "" })}
        >
          {t.reject}
        </button>
      </div>
      {form ? (
        <form className="stack" onSubmit={submit}>
          <TextField
            label={
              form.kind === "reject" ? t.reason : proposal === "suggestion" ? t.correctedValue : t.editedRule
            }
            value={form.text}
            onChange={(event) => setForm({ ...form, text: event.target.value })}
            required
            maxLength={form.kind === "reject" ? 500 : proposal === "suggestion" ? 320 : 4000}
            // The form opens on the button just pressed: its field takes the focus, so the keyboard flow goes on.
            autoFocus
          />
          <div className="row-actions">
            <button type="submit" className="button primary" disabled={pending || form.text.trim() === ""}>
              {t.confirm}
            </button>
            <button type="button" className="button" onClick={() => setForm(null)}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : null}
      <StatusMessage tone={outcome ? (outcome.error ? "danger" : "success") : null}>
        {outcome?.message}
      </StatusMessage>
    </div>
  );
}
