"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import { TextField } from "@/components/ui/text-field";
import type { Dictionary } from "@/i18n/en";

/** The API's error body, or a generic line when the answer is not one. */
async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `HTTP ${response.status}`;
}

/**
 * Connect OAuth when the installation offers it, else (or also) a restricted key: Orylo creates the webhook
 * endpoint with the key, or the merchant creates it in Stripe with the URL shown and pastes its secret.
 */
export function StripeConnectForms({
  oauthAvailable,
  endpointId,
  endpointUrl,
  disabled,
  t,
}: {
  oauthAvailable: boolean;
  endpointId: string;
  endpointUrl: string;
  disabled: boolean;
  t: Dictionary["onboarding"];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const oauth = () =>
    startTransition(async () => {
      const response = await fetch("/api/stripe/connect", { method: "POST" });
      if (!response.ok) return setError(await errorOf(response));
      const { url } = (await response.json()) as { url: string };
      window.location.assign(url);
    });

  const connectWithKey = (form: FormData) =>
    startTransition(async () => {
      const webhookSecret = String(form.get("webhookSecret") ?? "").trim();
      const response = await fetch("/api/stripe/restricted-key", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          key: String(form.get("key") ?? ""),
          ...(webhookSecret ? { webhookSecret, endpointId } : {}),
        }),
      });
      if (!response.ok) return setError(await errorOf(response));
      setError(null);
      router.refresh();
    });

  return (
    <div className="stack">
      {oauthAvailable ? (
        <div className="stack">
          <div>
            <button type="button" className="button primary" disabled={disabled || pending} onClick={oauth}>
              {t.oauth}
            </button>
          </div>
          <p className="muted">{t.oauthHint}</p>
        </div>
      ) : (
        <p className="muted">{t.oauthOff}</p>
      )}
      <form action={connectWithKey} className="stack">
        <h3>{t.keyTitle}</h3>
        <p className="muted">{t.keyHint}</p>
        <fieldset disabled={disabled || pending} className="stack bare">
          <TextField label={t.key} name="key" required autoComplete="off" spellCheck={false} />
          <p className="muted">{t.ownEndpoint}</p>
          <label className="field">
            {t.endpointUrl}
            <input className="input" readOnly value={endpointUrl} data-testid="endpoint-url" />
          </label>
          <TextField label={t.secret} name="webhookSecret" autoComplete="off" spellCheck={false} />
          <div>
            <button type="submit" className="button">
              {t.connect}
            </button>
          </div>
        </fieldset>
      </form>
      <StatusMessage tone={error ? "danger" : null}>{error}</StatusMessage>
    </div>
  );
}
