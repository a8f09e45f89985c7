"use client";

import type { DemoEndpoint } from "@orylo/core";
import { useState, useTransition } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import type { Dictionary } from "@/i18n/en";
import { startWithDemoData } from "./actions";

/** "Start with demo data": the demo endpoint, then the command that sends simulated traffic to it. */
export function DemoStart({
  initial,
  disabled,
  t,
}: {
  initial: DemoEndpoint | null;
  disabled: boolean;
  t: Dictionary["onboarding"];
}) {
  const [pending, startTransition] = useTransition();
  const [demo, setDemo] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const start = () =>
    startTransition(async () => {
      const result = await startWithDemoData({});
      if (result.ok) setDemo(result.data);
      else setError(result.error.message);
    });
  const origin = demo ? new URL(demo.webhookUrl).origin : "";
  return (
    <div className="stack">
      <h3>{t.demoTitle}</h3>
      <p className="muted">{t.demoHint}</p>
      {demo ? (
        <div className="stack" data-testid="demo-endpoint">
          <p>✓ {t.demoReady}</p>
          <pre className="command">
            <code data-testid="demo-command">
              {`bun run simulate --url ${origin} --endpoint ${demo.endpointId} --secret ${demo.signingSecret}`}
            </code>
          </pre>
        </div>
      ) : (
        <div>
          <button type="button" className="button" disabled={disabled || pending} onClick={start}>
            {t.demo}
          </button>
        </div>
      )}
      <StatusMessage tone={error ? "danger" : null}>{error}</StatusMessage>
    </div>
  );
}
