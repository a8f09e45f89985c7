"use client";

import type { ListItemView } from "@orylo/core";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { formatDateTime } from "@/components/money";
import { StatusMessage } from "@/components/ui/status-message";
import type { Dictionary } from "@/i18n/en";
import { format } from "@/i18n/format";
import { addItems, removeItems } from "./actions";

type Undo = { kind: "add"; values: string[] } | { kind: "remove"; item: ListItemView };

/**
 * The items of a list: add values (one per line), remove one behind an inline confirmation; each change can
 * be undone exactly (an add's undo removes only the values that were not there before).
 */
export function ListItemsEditor({
  listId,
  items,
  canEdit,
  locale,
  timeZone,
  t,
}: {
  listId: string;
  items: ListItemView[];
  canEdit: boolean;
  locale: string;
  timeZone: string;
  t: Dictionary["lists"];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; undo?: Undo; error?: boolean } | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const done = (result: { ok: boolean; error?: { message: string } }, message: string, undo?: Undo) => {
    setOutcome(
      result.ok
        ? { message, ...(undo ? { undo } : {}) }
        : { message: result.error?.message ?? "", error: true },
    );
    router.refresh();
  };

  const add = (form: FormData) =>
    startTransition(async () => {
      const values = String(form.get("values") ?? "")
        .split("\n")
        .map((value) => value.trim())
        .filter(Boolean);
      if (values.length === 0) return;
      const result = await addItems({ listId, items: values.map((value) => ({ value })) });
      const before = new Set(items.map((item) => item.value));
      const added = result.ok
        ? result.data.data.map((item) => item.value).filter((value) => !before.has(value))
        : [];
      done(
        result,
        format(t.added, { count: added.length }),
        added.length ? { kind: "add", values: added } : undefined,
      );
    });

  const remove = (item: ListItemView) =>
    startTransition(async () => {
      setConfirming(null);
      done(await removeItems({ listId, values: [item.value] }), format(t.removed, { value: item.value }), {
        kind: "remove",
        item,
      });
    });

  const undo = (action: Undo) =>
    startTransition(async () => {
      const result =
        action.kind === "add"
          ? await removeItems({ listId, values: action.values })
          : await addItems({
              listId,
              items: [{ value: action.item.value, expiresAt: action.item.expiresAt }],
            });
      done(result, t.undone);
    });

  return (
    <div className="stack">
      {canEdit ? (
        <form action={add} className="card stack">
          <label className="field">
            {t.addLabel}
            <textarea className="input" name="values" rows={3} spellCheck={false} disabled={pending} />
          </label>
          <div>
            <button type="submit" className="button primary" disabled={pending}>
              {t.add}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t.readOnly}</p>
      )}
      <StatusMessage tone={outcome ? (outcome.error ? "danger" : "success") : null}>
        {outcome?.message}{" "}
        {outcome?.undo ? (
          <button type="button" className="button small" onClick={() => outcome.undo && undo(outcome.undo)}>
            {t.undo}
          </button>
        ) : null}
      </StatusMessage>
      {items.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.value}</th>
                <th scope="col">{t.source}</th>
                <th scope="col">{t.addedAt}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="sr-only">{t.remove}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.value}>
                  <td>
                    <code>{item.value}</code>
                  </td>
                  <td>{item.source}</td>
                  <td>{formatDateTime(item.createdAt, locale, timeZone)}</td>
                  {canEdit ? (
                    <td className="num">
                      {confirming === item.value ? (
                        <span className="row-actions">
                          <span className="sr-only">{format(t.confirmRemove, { value: item.value })}</span>
                          <button
                            type="button"
                            className="button small danger"
                            ref={confirmButton}
                            onClick={() => remove(item)}
                          >
                            {t.remove}
                          </button>
                          <button type="button" className="button small" onClick={() => setConfirming(null)}>
                            {t.cancel}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button small"
                          disabled={pending}
                          aria-label={format(t.removeValue, { value: item.value })}
                          onClick={() => setConfirming(item.value)}
                        >
                          {t.remove}
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
