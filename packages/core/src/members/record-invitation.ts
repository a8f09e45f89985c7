import { enqueueTasks } from "@orylo/db";
import { recordAudit } from "../audit/record-audit";
import type { OrgCtx } from "../context";
import { INVITATIONS_SEND_TASK, type InvitationsSendPayload } from "../tasks/invitations-send";

/**
 * After better-auth created an invitation: audits it and queues its email (`invitations.send`) in one
 * transaction, so an audited invitation is always emailed once SMTP is configured, and never twice.
 */
export async function recordInvitation(
  ctx: OrgCtx,
  { invitationId, role, acceptUrl }: { invitationId: string; role: string; acceptUrl: string },
): Promise<void> {
  const payload: InvitationsSendPayload = { organizationId: ctx.organizationId, invitationId, acceptUrl };
  await ctx.db.transaction(async (tx) => {
    await recordAudit(
      ctx,
      { action: "invitation.created", target: { type: "invitation", id: invitationId }, data: { role } },
      tx,
    );
    await enqueueTasks(tx, [
      {
        taskId: INVITATIONS_SEND_TASK,
        payload,
        dedupeKey: `${INVITATIONS_SEND_TASK}:${invitationId}`,
        organizationId: ctx.organizationId,
      },
    ]);
  });
}
