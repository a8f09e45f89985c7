"use client";

import { useEffect, useRef } from "react";

/**
 * The confirmation an irreversible-looking action asks for: the question, Confirm and Cancel. It takes focus
 * when it appears (the merchant just asked for it), so Enter confirms and Tab reaches Cancel.
 */
export function ConfirmPanel({
  label,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  return (
    <div className="alert" role="alertdialog" aria-label={label}>
      <p style={{ marginTop: 0 }}>{question}</p>
      <div className="row-actions">
        <button type="button" className="button primary" onClick={onConfirm} ref={confirmButton}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
