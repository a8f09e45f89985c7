"use client";

import { useState, useTransition } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import { acceptInvitation } from "./actions";

export function AcceptInvitation({ invitationId, label }: { invitationId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const accept = () =>
    startTransition(async () => {
      const result = await acceptInvitation({ invitationId });
      setError(result.error);
    });
  return (
    <div className="stack">
      <div>
        <button type="button" className="button primary" disabled={pending} onClick={accept}>
          {label}
        </button>
      </div>
      <StatusMessage tone={error ? "danger" : null}>{error}</StatusMessage>
    </div>
  );
}
