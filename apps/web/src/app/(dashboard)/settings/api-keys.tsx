"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import { TextField } from "@/components/ui/text-field";
import type { Dictionary } from "@/i18n/en";
import { format } from "@/i18n/format";
import { createKey, revokeKey } from "./actions";

const SCOPES = ["read", "write", "evaluate"] as const;

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

/** API keys: create one with scopes (its token shown once, here), revoke one behind a confirmation. */
export function ApiKeys({
  keys,
  canEdit,
  t,
}: {
  keys: ApiKeyRow[];
  canEdit: boolean;
  t: Dictionary["apiKeys"];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [token, setToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const create = (form: FormData) =>
    startTransition(async () => {
      const scopes = SCOPES.filter((scope) => form.get(scope) === "on");
      const result = await createKey({ name: String(form.get("name") ?? ""), scopes });
      setToken(result.ok ? result.data.token : null);
      setMessage(result.ok ? null : { text: result.error.message, error: true });
      router.refresh();
    });
  const revoke = (id: string) =>
    startTransition(async () => {
      setRevoking(null);
      const result = await revokeKey({ id });
      setMessage(result.ok ? { text: t.revoked, error: false } : { text: result.error.message, error: true });
      router.refresh();
    });

  return (
    <div className="stack">
      {canEdit ? (
        <form action={create} className="card stack">
          <div className="filters">
            <TextField label={t.name} name="name" required maxLength={100} />
          </div>
          <fieldset className="bare row-actions">
            <legend className="field">{t.scopes}</legend>
            {SCOPES.map((scope) => (
              <label key={scope} className="check">
                <input type="checkbox" name={scope} defaultChecked={scope !== "write"} /> {t.scope[scope]}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="button primary" disabled={pending}>
              {t.create}
            </button>
          </div>
        </form>
      ) : null}
      <StatusMessage tone={token ? "success" : message ? (message.error ? "danger" : "success") : null}>
        {token ? (
          <>
            {t.shownOnce}
            <br />
            <code data-testid="new-api-key">{token}</code>
          </>
        ) : (
          message?.text
        )}
      </StatusMessage>
      {keys.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.key}</th>
                <th scope="col">{t.scopes}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">
                  <span className="sr-only">{t.revoke}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.scopes.join(", ")}</td>
                  <td>{key.lastUsedAt ?? t.never}</td>
                  <td className="num">
                    {key.revoked ? (
                      <span className="muted">{t.revokedState}</span>
                    ) : !canEdit ? null : revoking === key.id ? (
                      <span className="row-actions">
                        <button type="button" className="button small danger" onClick={() => revoke(key.id)}>
                          {format(t.confirmRevoke, { name: key.name })}
                        </button>
                        <button type="button" className="button small" onClick={() => setRevoking(null)}>
                          {t.cancel}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button small"
                        disabled={pending}
                        onClick={() => setRevoking(key.id)}
                      >
                        {t.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
