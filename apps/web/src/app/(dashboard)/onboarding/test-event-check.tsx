"use client";

import type { TestEventResult } from "@orylo/core";
import { useState, useTransition } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import type { Dictionary } from "@/i18n/en";
import { format } from "@/i18n/format";
import { sendWebhookTestEvent } from "./actions";

/** Sends one signed test event through the real webhook path and says what came back. */
export function TestEventCheck({
  disabled,
  t,
  decisions,
}: {
  disabled: boolean;
  t: Dictionary["onboarding"];
  decisions: Dictionary["decision"];
}) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<TestEventResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = () =>
    startTransition(async () => {
      const answer = await sendWebhookTestEvent({});
      setResult(answer.ok ? answer.data : null);
      setError(answer.ok ? null : answer.error.message);
    });
  const receipt = result?.receipt;
  return (
    <div className="stack">
      <div>
        <button type="button" className="button" disabled={disabled || pending} onClick={send}>
          {t.test}
        </button>
      </div>
      <StatusMessage
        tone={receipt ? "success" : result || error ? "danger" : null}
        testId="test-event-result"
      >
        {receipt ? (
          <>
            {format(t.testOk, { status: receipt.status })}{" "}
            {receipt.detection
              ? format(t.testDecision, {
                  decision: decisions[receipt.detection.decision],
                  score: receipt.detection.riskScore,
                })
              : null}
            <br />
            <code>{result?.url}</code>
          </>
        ) : result ? (
          result.httpStatus ? (
            format(t.testFailed, { status: result.httpStatus, message: result.error ?? "" })
          ) : (
            result.error
          )
        ) : (
          error
        )}
      </StatusMessage>
    </div>
  );
}
