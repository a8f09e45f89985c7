"use client";

import type { BacktestResult, RuleCompileError } from "@orylo/core";
import type { CatalogueEntry } from "@orylo/engine";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { Dictionary } from "@/i18n/en";
import { backtestRuleText, saveRule, validateRuleText } from "./actions";
import { BacktestSummary } from "./backtest-summary";
import { DraftFromSentence } from "./draft-from-sentence";
import { highlightRule } from "./highlight-rule";

type Catalogue = Pick<CatalogueEntry, "name" | "meaning">[];

/** The `:partial` being typed just before the caret, if any. */
function attributeAt(text: string, caret: number): { start: number; prefix: string } | null {
  const match = /:([a-z0-9_]*)$/i.exec(text.slice(0, caret));
  if (!match) return null;
  const before = text.slice(0, match.index);
  // An even count of colons before means this one opens an attribute (an odd count would close one).
  return (before.match(/:/g) ?? []).length % 2 === 0 ? { start: match.index, prefix: match[1] ?? "" } : null;
}

/**
 * The rule editor: highlighted text, errors at their line and column as you type, `:attribute:`
 * completion from the catalogue, and a backtest that must run on the current text before it can be saved.
 */
export function RuleEditor({
  rule,
  catalogue,
  canEdit,
  locale,
  t,
  initialText,
}: {
  rule: { id: string; name: string; text: string; mode: "enforced" | "shadow" } | null;
  /** A new rule's starting text (an incident's suggested rule, linked from /incidents). */
  initialText?: string;
  catalogue: Catalogue;
  canEdit: boolean;
  /** The drafts' language; the editor offers drafting to members who may save rules. */
  locale: "fr" | "en";
  t: Dictionary["rules"];
}) {
  const router = useRouter();
  const ids = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(
    rule?.text ?? initialText ?? "Block if :card_count_for_ip_address_hourly: >= 5",
  );
  const [name, setName] = useState(rule?.name ?? "");
  const [mode, setMode] = useState(rule?.mode ?? "shadow");
  const [errors, setErrors] = useState<RuleCompileError[]>([]);
  const [caret, setCaret] = useState(0);
  const [backtest, setBacktest] = useState<{ text: string; result: BacktestResult } | null>(null);
  // The draft a new rule started from, so saving it records the AI feedback (accepted, or edited).
  const [draft, setDraft] = useState<{ id: string; text: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const [scroll, setScroll] = useState(0);

  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await validateRuleText({ text });
      setErrors(result.ok && !result.data.valid ? result.data.errors : []);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  const partial = attributeAt(text, caret);
  const suggestions = partial
    ? catalogue.filter((entry) => entry.name.startsWith(partial.prefix.toLowerCase())).slice(0, 6)
    : [];
  const complete = (entry: string) => {
    if (!partial) return;
    const next = `${text.slice(0, partial.start)}:${entry}:${text.slice(caret)}`;
    const position = partial.start + entry.length + 2;
    setText(next);
    setCaret(position);
    requestAnimationFrame(() => area.current?.setSelectionRange(position, position));
    area.current?.focus();
  };

  const runBacktest = () =>
    startTransition(async () => {
      const result = await backtestRuleText({ text });
      if (result.ok) setBacktest({ text, result: result.data });
      else setMessage({ text: result.error.message, error: true });
    });
  const save = () =>
    startTransition(async () => {
      const result = await saveRule({
        id: rule?.id,
        text,
        name: name || undefined,
        mode,
        ...(draft && !rule ? { draft } : {}),
      });
      if (!result.ok) return setMessage({ text: result.error.message, error: true });
      setMessage({ text: t.saved, error: false });
      if (!rule) router.push(`/rules/${result.data.id}`);
      else router.refresh();
    });

  const first = errors[0] ?? null;
  const tested = backtest?.text === text;
  return (
    <div className="stack">
      {canEdit ? (
        <DraftFromSentence
          locale={locale}
          t={t}
          onUse={(draft) => {
            setText(draft.text);
            setDraft({ id: draft.id, text: draft.text });
            setBacktest({ text: draft.text, result: draft.backtest });
            area.current?.focus();
          }}
        />
      ) : null}
      <label className="field">
        {t.name}
        <input
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          disabled={!canEdit}
        />
      </label>
      <label className="field" htmlFor={`${ids}-text`}>
        {t.text}
      </label>
      <div className="rule-editor">
        <pre className="rule-layer" aria-hidden="true" style={{ transform: `translateY(${-scroll}px)` }}>
          {highlightRule(text, first)}
        </pre>
        <textarea
          id={`${ids}-text`}
          ref={area}
          className="rule-input"
          value={text}
          spellCheck={false}
          rows={4}
          disabled={!canEdit}
          aria-invalid={errors.length > 0}
          aria-describedby={`${ids}-errors`}
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onScroll={(event) => setScroll(event.currentTarget.scrollTop)}
          onKeyDown={(event) => {
            const top = suggestions[0];
            if (event.key === "Tab" && top) {
              event.preventDefault();
              complete(top.name);
            }
          }}
        />
      </div>
      {suggestions.length > 0 ? (
        <ul className="suggestions" aria-label={t.completions}>
          {suggestions.map((entry) => (
            <li key={entry.name}>
              <button type="button" className="button ghost small" onClick={() => complete(entry.name)}>
                <code>:{entry.name}:</code> <span className="muted">{entry.meaning}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div id={`${ids}-errors`} role="status" aria-live="polite">
        {errors.map((error) => (
          <p
            key={`${error.line}:${error.column}:${error.code}`}
            className="alert danger"
            data-testid="rule-error"
          >
            {t.lineColumn
              .replace("{line}", String(error.line ?? "?"))
              .replace("{column}", String(error.column ?? "?"))}{" "}
            {error.message}
            {error.suggestion ? ` — ${t.didYouMean} :${error.suggestion}:` : ""}
          </p>
        ))}
      </div>
      <div className="row-actions">
        <label className="check">
          <input
            type="checkbox"
            checked={mode === "shadow"}
            disabled={!canEdit}
            onChange={(event) => setMode(event.target.checked ? "shadow" : "enforced")}
          />{" "}
          {t.shadow}
        </label>
        <button
          type="button"
          className="button"
          disabled={pending || errors.length > 0}
          onClick={runBacktest}
        >
          {t.backtest}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={pending || !canEdit || errors.length > 0 || !tested}
          onClick={save}
          title={tested ? undefined : t.backtestFirst}
        >
          {t.save}
        </button>
      </div>
      {!tested ? <p className="muted">{t.backtestFirst}</p> : null}
      <div role="status" aria-live="polite">
        {message ? <p className={`alert ${message.error ? "danger" : "success"}`}>{message.text}</p> : null}
      </div>
      {backtest ? <BacktestSummary result={backtest.result} t={t} /> : null}
    </div>
  );
}
