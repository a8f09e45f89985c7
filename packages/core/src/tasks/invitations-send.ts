import { defineTask } from "@orylo/platform";
import { z } from "zod";
import { withOrganization } from "../context";
import { sendInvitationEmail } from "../members/send-invitation-email";
import { type TaskDeps, taskContext } from "./task-deps";

export const INVITATIONS_SEND_TASK = "invitations.send";

export const InvitationsSendPayload = z.object({
  organizationId: z.string().min(1),
  invitationId: z.string().min(1),
  /** The page the invitee opens to join (`/invitations/:id` on the app's public URL). */
  acceptUrl: z.url(),
});
export type InvitationsSendPayload = z.infer<typeof InvitationsSendPayload>;

/** `invitations.send`: emails an invitation's link through the alerts' SMTP, queued by `recordInvitation`. */
export const invitationsSendTask = defineTask<TaskDeps, InvitationsSendPayload>({
  id: INVITATIONS_SEND_TASK,
  payload: InvitationsSendPayload,
  retry: { maxAttempts: 5, minDelayMs: 30_000, maxDelayMs: 30 * 60_000 },
  concurrency: { total: 2 },
  run: (deps, payload) =>
    sendInvitationEmail(
      withOrganization(taskContext(deps, INVITATIONS_SEND_TASK), payload.organizationId),
      deps.alertEmail?.mailer,
      payload,
    ),
});
