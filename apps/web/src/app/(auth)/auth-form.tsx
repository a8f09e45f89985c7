"use client";

import { type ReactNode, useActionState } from "react";
import type { AuthFormState } from "./actions";

/** A sign-in or sign-up form: the server action's refusal is announced where the form is. */
export function AuthForm({
  action,
  submit,
  children,
}: {
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>;
  submit: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="stack">
      {children}
      <div role="alert" aria-live="polite">
        {state.error ? <p className="alert danger">{state.error}</p> : null}
      </div>
      <button type="submit" className="button primary" disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
