"use client";

import type { DetectionListItem } from "@orylo/core";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { DetectionsTable } from "@/components/detections-table";
import type { Dictionary } from "@/i18n/en";
import { labelPayment } from "../detections/[id]/actions";

type Texts = Pick<Dictionary, "review" | "detail" | "detections" | "decision">;

/**
 * The queue: j / k move, a approves (labels the payment legitimate), b blocks (labels it fraud, which
 * puts its card, email and device on the block lists). The reason goes with the label.
 */
export function ReviewQueue({
  items,
  canAct,
  locale,
  timeZone,
  t,
}: {
  items: DetectionListItem[];
  canAct: boolean;
  locale: string;
  timeZone: string;
  t: Texts;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState(0);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const current = items[Math.min(selected, items.length - 1)];

  const decide = useCallback(
    (kind: "legitimate" | "fraud") => {
      if (!current?.chargeId || !canAct || pending) return;
      const chargeId = current.chargeId;
      startTransition(async () => {
        const result = await labelPayment({
          transactionId: chargeId,
          label: { kind, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        });
        setMessage(
          result.ok ? { text: t.detail.done, error: false } : { text: result.error.message, error: true },
        );
        if (result.ok) setReason("");
        router.refresh();
      });
    },
    [current, canAct, pending, reason, router, t.detail.done],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select") || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "j") setSelected((index) => Math.min(index + 1, items.length - 1));
      else if (event.key === "k") setSelected((index) => Math.max(index - 1, 0));
      else if (event.key === "a") decide("legitimate");
      else if (event.key === "b") decide("fraud");
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items.length, decide]);

  if (items.length === 0) return <p className="muted">{t.review.empty}</p>;
  return (
    <div className="stack">
      <p className="muted">{t.review.shortcuts}</p>
      {canAct ? (
        <div className="row-actions" style={{ alignItems: "end" }}>
          <label className="field" style={{ flex: "1 1 14rem" }}>
            {t.review.reason}
            <input
              className="input"
              value={reason}
              placeholder={t.review.reasonPlaceholder}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button
            type="button"
            className="button primary"
            disabled={pending}
            onClick={() => decide("legitimate")}
          >
            {t.review.approve} <kbd>a</kbd>
          </button>
          <button type="button" className="button danger" disabled={pending} onClick={() => decide("fraud")}>
            {t.review.block} <kbd>b</kbd>
          </button>
        </div>
      ) : (
        <p className="muted">{t.detail.viewerNote}</p>
      )}
      <div role="status" aria-live="polite">
        {message ? <p className={`alert ${message.error ? "danger" : "success"}`}>{message.text}</p> : null}
      </div>
      <DetectionsTable
        detections={items}
        locale={locale}
        timeZone={timeZone}
        t={t}
        selectedId={current?.id}
        when={(item, index, text) => (
          <button
            type="button"
            className="button ghost small"
            aria-pressed={item.id === current?.id}
            onClick={() => setSelected(index)}
          >
            {text}
          </button>
        )}
      />
    </div>
  );
}
