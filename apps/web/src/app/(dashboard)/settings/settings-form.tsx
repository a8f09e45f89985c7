"use client";

import type { SettingsView } from "@orylo/core";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { TextField } from "@/components/ui/text-field";
import type { Dictionary } from "@/i18n/en";
import { saveSettings } from "./actions";

/** The automatic actions on Stripe: all off is observe-only. */
const SWITCHES = [
  "cancelOnBlock",
  "refundOnBlock",
  "closeReviews",
  "refundEarlyFraudWarnings",
  "mirrorRadarLists",
] as const;

/** The organization's settings; read-only for a role that may not configure. */
export function SettingsForm({
  settings,
  canEdit,
  t,
}: {
  settings: SettingsView;
  canEdit: boolean;
  t: Dictionary["settings"];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submit = (form: FormData) =>
    startTransition(async () => {
      const result = await saveSettings({
        blockThreshold: Number(form.get("blockThreshold")),
        reviewThreshold: Number(form.get("reviewThreshold")),
        timeZone: String(form.get("timeZone")),
        reportingCurrency: String(form.get("reportingCurrency")),
        locale: String(form.get("locale")),
        scoreTestMode: form.get("scoreTestMode") === "on",
        actions: Object.fromEntries(SWITCHES.map((key) => [key, form.get(key) === "on"])),
        aiMonthlyBudgetUsd: Number(form.get("aiMonthlyBudgetUsd")),
        retentionDays: Number(form.get("retentionDays")),
      });
      setMessage(result.ok ? { text: t.saved, error: false } : { text: result.error.message, error: true });
      router.refresh();
    });
  return (
    <form action={submit} className="stack card">
      <fieldset disabled={!canEdit || pending} className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="filters">
          <TextField
            label={t.blockThreshold}
            name="blockThreshold"
            type="number"
            min={1}
            max={100}
            defaultValue={settings.blockThreshold}
          />
          <TextField
            label={t.reviewThreshold}
            name="reviewThreshold"
            type="number"
            min={1}
            max={100}
            defaultValue={settings.reviewThreshold}
          />
          <TextField label={t.timeZone} name="timeZone" defaultValue={settings.timeZone} />
          <TextField
            label={t.currency}
            name="reportingCurrency"
            defaultValue={settings.reportingCurrency}
            maxLength={3}
          />
          <TextField label={t.language} name="locale" defaultValue={settings.locale} />
        </div>
        <label className="check">
          <input type="checkbox" name="scoreTestMode" defaultChecked={settings.scoreTestMode} />{" "}
          {t.scoreTestMode}
        </label>
        <fieldset className="stack bare">
          <legend>
            <h3>{t.automaticActions}</h3>
          </legend>
          <p className="muted">{SWITCHES.some((key) => settings.actions[key]) ? t.acting : t.observeOnly}</p>
          {SWITCHES.map((key) => (
            <label key={key} className="check">
              <input type="checkbox" name={key} defaultChecked={settings.actions[key]} /> {t.switches[key]}
            </label>
          ))}
        </fieldset>
        <fieldset className="stack bare">
          <legend>
            <h3>{t.ai}</h3>
          </legend>
          <p className="muted">{t.aiLanguage}</p>
          <div className="filters">
            <TextField
              label={t.aiBudget}
              name="aiMonthlyBudgetUsd"
              type="number"
              min={0}
              step="any"
              defaultValue={settings.aiMonthlyBudgetUsd}
            />
          </div>
        </fieldset>
        <fieldset className="stack bare">
          <legend>
            <h3>{t.privacy}</h3>
          </legend>
          <div className="filters">
            <TextField
              label={t.retentionDays}
              name="retentionDays"
              type="number"
              min={30}
              max={3650}
              defaultValue={settings.retentionDays}
            />
          </div>
          <p className="muted">{t.retentionExplained.replace("{days}", String(settings.retentionDays))}</p>
        </fieldset>
        {canEdit ? (
          <div>
            <button type="submit" className="button primary">
              {t.save}
            </button>
          </div>
        ) : (
          <p className="muted">{t.readOnly}</p>
        )}
      </fieldset>
      <div role="status" aria-live="polite">
        {message ? <p className={`alert ${message.error ? "danger" : "success"}`}>{message.text}</p> : null}
      </div>
    </form>
  );
}
