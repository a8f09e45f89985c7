import type { InputHTMLAttributes } from "react";

/** A labelled input: the label wraps it, so a click or a screen reader ties them without ids. */
export function TextField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      {label}
      <input className="input" {...input} />
    </label>
  );
}
