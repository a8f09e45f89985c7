import { explanationLanguageFor } from "@orylo/ai";
import { findInvitationToSend } from "@orylo/db";
import type { Mailer } from "@orylo/platform";
import type { OrgCtx } from "../context";
import { invitationEmailText } from "./invitation-email-text";

/**
 * `invitations.send`: emails the invitee the link to join, in the organization's language, over the SMTP the
 * alerts use. Without SMTP nothing leaves: the inviter was shown the link to send. An invitation answered,
 * withdrawn or expired meanwhile is not sent. An SMTP failure throws, so the task is retried.
 */
export async function sendInvitationEmail(
  ctx: OrgCtx,
  mailer: Mailer | undefined,
  { invitationId, acceptUrl }: { invitationId: string; acceptUrl: string },
): Promise<{ delivery: "emailed" | "not_configured" | "not_pending" }> {
  if (!mailer) return { delivery: "not_configured" };
  const invitation = await findInvitationToSend(ctx.db, ctx.organizationId, invitationId);
  if (invitation?.status !== "pending" || invitation.expiresAt <= ctx.now())
    return { delivery: "not_pending" };
  await mailer.send({
    to: [invitation.email],
    ...invitationEmailText(explanationLanguageFor(invitation.locale), { ...invitation, acceptUrl }),
  });
  ctx.logger.info({ invitationId }, "invitation emailed");
  return { delivery: "emailed" };
}
