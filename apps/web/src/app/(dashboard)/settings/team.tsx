"use client";

import type { Team as TeamView } from "@orylo/core";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import { TextField } from "@/components/ui/text-field";
import type { Dictionary } from "@/i18n/en";
import { cancelInvitation, inviteMember } from "./team-actions";

const INVITABLE = ["admin", "analyst", "viewer"] as const;

/** Members and their roles; owners and admins invite by email (emailed with SMTP, the link shown) and withdraw. */
export function Team({ team, canEdit, t }: { team: TeamView; canEdit: boolean; t: Dictionary["team"] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ text: string; url?: string; error: boolean } | null>(null);

  const invite = (form: FormData) =>
    startTransition(async () => {
      const role = INVITABLE.find((r) => r === form.get("role")) ?? "viewer";
      const result = await inviteMember({ email: String(form.get("email") ?? ""), role });
      setOutcome(
        result.ok
          ? { text: result.data.emailed ? t.invitedEmailed : t.invited, url: result.data.url, error: false }
          : { text: result.error.message, error: true },
      );
      router.refresh();
    });
  const cancel = (invitationId: string) =>
    startTransition(async () => {
      const result = await cancelInvitation({ invitationId });
      setOutcome(
        result.ok ? { text: t.cancelled, error: false } : { text: result.error.message, error: true },
      );
      router.refresh();
    });

  return (
    <div className="stack">
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.role}</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.userId}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{t.roles[member.role as keyof typeof t.roles] ?? member.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {team.invitations.length > 0 ? (
        <ul className="plain-list">
          {team.invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.email} · {t.roles[invitation.role as keyof typeof t.roles] ?? invitation.role} ·{" "}
              <span className="muted">{t.pending}</span>{" "}
              {canEdit ? (
                <button
                  type="button"
                  className="button small"
                  disabled={pending}
                  onClick={() => cancel(invitation.id)}
                >
                  {t.withdraw}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form action={invite} className="card stack">
          <div className="filters">
            <TextField label={t.email} name="email" type="email" required autoComplete="off" />
            <label className="field">
              {t.role}
              <select className="input" name="role" defaultValue="analyst">
                {INVITABLE.map((role) => (
                  <option key={role} value={role}>
                    {t.roles[role]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="muted">{t.rolesHint}</p>
          <div>
            <button type="submit" className="button primary" disabled={pending}>
              {t.invite}
            </button>
          </div>
        </form>
      ) : null}
      <StatusMessage tone={outcome ? (outcome.error ? "danger" : "success") : null}>
        {outcome?.text}
        {outcome?.url ? (
          <>
            <br />
            <code data-testid="invitation-url">{outcome.url}</code>
          </>
        ) : null}
      </StatusMessage>
    </div>
  );
}
