"use client";

import type { BacktestResult, RuleDraft } from "@orylo/core";
import { useId, useState, useTransition } from "react";
import type { Dictionary } from "@/i18n/en";
import { draftRuleFromSentence } from "./actions";
import { BacktestSummary } from "./backtest-summary";

/**
 * "Draft from a sentence": the merchant's words → a rule the parser accepted, what it does and its backtest;
 * "Use this rule" hands text and backtest to the editor, where it is saved like any rule.
 */
export function DraftFromSentence({
  locale,
  onUse,
  t,
}: {
  locale: "fr" | "en";
  onUse: (draft: { id: string; text: string; backtest: BacktestResult }) => void;
  t: Dictionary["rules"];
}) {
  const ids = useId();
  const [sentence, setSentence] = useState("");
  const [draft, setDraft] = useState<RuleDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      setError(null);
      const result = await draftRuleFromSentence({ text: sentence, locale });
      if (result.ok) setDraft(result.data);
      else setError(result.error.message);
    });

  return (
    <section className="card stack" aria-labelledby={`${ids}-title`} data-testid="rule-draft">
      <h3 id={`${ids}-title`}>{t.draftTitle}</h3>
      <div className="row-actions">
        <input
          className="input"
          aria-labelledby={`${ids}-title`}
          placeholder={t.draftPlaceholder}
          value={sentence}
          maxLength={1000}
          onChange={(event) => setSentence(event.target.value)}
        />
        <button
          type="button"
          className="button"
          disabled={pending || sentence.trim().length < 3}
          onClick={run}
        >
          {t.draftButton}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {error ? <p className="alert danger">{error}</p> : null}
      </div>
      {draft ? (
        <>
          <pre>
            <code>{draft.text}</code>
          </pre>
          <p>
            <strong>{t.draftReading}:</strong> {draft.reading}
          </p>
          <p className="muted">{t.draftNote}</p>
          <BacktestSummary result={draft.backtest} t={t} />
          <button
            type="button"
            className="button primary"
            onClick={() => onUse({ id: draft.id, text: draft.text, backtest: draft.backtest })}
          >
            {t.draftUse}
          </button>
        </>
      ) : null}
    </section>
  );
}
